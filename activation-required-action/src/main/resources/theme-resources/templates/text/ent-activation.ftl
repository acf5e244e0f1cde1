<#ftl output_format="plainText">
${msg("entActivationMailHello")} ${entFirstName},

${msg("entActivationMailIntro", realmName)}

${msg("entActivationMailIdentifier")} ${entUsername}

${msg("entActivationMailButton")} :
${link}

${msg("entActivationMailExpiry", linkExpirationHours)}

${msg("entActivationMailIgnore")}
<#if entHelpdesk?has_content>

${msg("entMailHelpdesk", entHelpdesk)}
</#if>
