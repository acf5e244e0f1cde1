<#ftl output_format="HTML">
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("entActivationMailHello")} ${entFirstName},</p>
<p>${msg("entAlumniMailBody", entUsername, entAccessEndsOn)}</p>
<p>${msg("entAlumniMailOffer", entAlumniUntil)}</p>
<p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:4px">${msg("entAlumniMailButton")}</a></p>
<p>${msg("entAlumniMailLink", entAccessEndsOn)}<br><a href="${link}">${link}</a></p>
<p>${msg("entAlumniMailSilence", entAccessEndsOn)}</p>
<p>${msg("entExpiryWarningReenrol")}</p>
<#if entHelpdesk?has_content><p>${msg("entMailHelpdesk", entHelpdesk)}</p></#if>
</@layout.emailLayout>
