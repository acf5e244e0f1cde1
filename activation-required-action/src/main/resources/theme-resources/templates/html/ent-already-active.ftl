<#ftl output_format="HTML">
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("entActivationMailHello")} ${entFirstName},</p>
<p>${msg("entAlreadyActiveMailBody", entUsername)}</p>
<p>${msg("entActivationMailIdentifier")} <strong>${entUsername}</strong></p>
<p>${msg("entAlreadyActiveMailReset")}<br><a href="${entResetPasswordUrl}">${entResetPasswordUrl}</a></p>
<p>${msg("entGuidanceMailNotYou")}</p>
<#if entHelpdesk?has_content><p>${msg("entMailHelpdesk", entHelpdesk)}</p></#if>
</@layout.emailLayout>
