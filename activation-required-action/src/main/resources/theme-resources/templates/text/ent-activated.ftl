<#ftl output_format="plainText">
${msg("entActivationMailHello")} ${entFirstName},

${msg("entActivatedMailBody", realmName)}

${msg("entActivationMailIdentifier")} ${entUsername}

<#if forwardingAddress?has_content>${msg("entActivatedMailForwarding", forwardingAddress)}<#else>${msg("entActivatedMailNoForwarding")}</#if>
<#if entPortalUrl?has_content>

${entPortalUrl}
</#if>

${msg("entActivatedMailNotYou")}
<#if entHelpdesk?has_content>

${msg("entMailHelpdesk", entHelpdesk)}
</#if>
