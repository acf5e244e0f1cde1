<#ftl output_format="HTML">
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("entActivationMailHello")} ${entFirstName},</p>
<p>${msg("entActivationMailIntro", realmName)}</p>
<p>${msg("entActivationMailIdentifier")} <strong>${entUsername}</strong></p>
<p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:4px">${msg("entActivationMailButton")}</a></p>
<p>${msg("entActivationMailExpiry", linkExpirationHours)}</p>
<p>${msg("entActivationMailLinkText")}<br><a href="${link}">${link}</a></p>
<p>${msg("entActivationMailIgnore")}</p>
<#if entHelpdesk?has_content><p>${msg("entMailHelpdesk", entHelpdesk)}</p></#if>
</@layout.emailLayout>
