<#ftl output_format="HTML">
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("entActivationMailHello")} ${entFirstName},</p>
<p>${msg("entUnpaidMailBody", entUsername)}</p>
<p>${msg("entUnpaidMailHelp")}</p>
<p>${msg("entGuidanceMailNotYou")}</p>
<#if entHelpdesk?has_content><p>${msg("entMailHelpdesk", entHelpdesk)}</p></#if>
</@layout.emailLayout>
