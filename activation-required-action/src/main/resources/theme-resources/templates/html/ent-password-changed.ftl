<#ftl output_format="HTML">
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("entActivationMailHello")} ${entFirstName},</p>
<p>${msg("entPasswordChangedBody", entUsername, entChangedOn, entChangedAt)}</p>
<p>${msg("entPasswordChangedNotYou")}</p>
<#if entHelpdesk?has_content><p>${msg("entMailHelpdesk", entHelpdesk)}</p></#if>
</@layout.emailLayout>
