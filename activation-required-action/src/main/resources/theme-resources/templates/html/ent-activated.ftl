<#ftl output_format="HTML">
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("entActivationMailHello")} ${entFirstName},</p>
<p>${msg("entActivatedMailBody", realmName)}</p>
<p>${msg("entActivationMailIdentifier")} <strong>${entUsername}</strong></p>
<#if forwardingAddress?has_content><p>${msg("entActivatedMailForwarding", forwardingAddress)}</p><#else><p>${msg("entActivatedMailNoForwarding")}</p></#if>
<#if entPortalUrl?has_content><p><a href="${entPortalUrl}">${entPortalUrl}</a></p></#if>
<p>${msg("entActivatedMailNotYou")}</p>
<#if entHelpdesk?has_content><p>${msg("entMailHelpdesk", entHelpdesk)}</p></#if>
</@layout.emailLayout>
