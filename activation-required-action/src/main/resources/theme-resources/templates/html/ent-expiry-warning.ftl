<#ftl output_format="HTML">
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("entActivationMailHello")} ${entFirstName},</p>
<p>${msg("entExpiryWarningBody", entUsername, entAccessEndsOn)}</p>
<p>${msg("entExpiryWarningSave")}</p>
<p>${msg("entExpiryWarningReenrol")}</p>
<#if entHelpdesk?has_content><p>${msg("entMailHelpdesk", entHelpdesk)}</p></#if>
</@layout.emailLayout>
