<#ftl output_format="HTML">
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("entActivationMailHello")} ${entFirstName},</p>
<p>${msg("entExpiryWarningBody", entUsername, entAccessEndsOn)}</p>
<p>${msg("entExpiryWarningSave")}</p>
<p>${msg("entExpiryWarningReenrol")}</p>
<#if entAlumniLink?has_content>
<p>${msg("entExpiryWarningAlumni", entAlumniUntil)}<br><a href="${entAlumniLink}">${entAlumniLink}</a></p>
<#elseif entAlumniDeclined>
<p>${msg("entExpiryWarningAlumniDeclined")}</p>
</#if>
<#if entHelpdesk?has_content><p>${msg("entMailHelpdesk", entHelpdesk)}</p></#if>
</@layout.emailLayout>
