<#ftl output_format="plainText">
${msg("entActivationMailHello")} ${entFirstName},

${msg("entAlreadyActiveMailBody", entUsername)}

${msg("entActivationMailIdentifier")} ${entUsername}

${msg("entAlreadyActiveMailReset")}
${entResetPasswordUrl}

${msg("entGuidanceMailNotYou")}
<#if entHelpdesk?has_content>

${msg("entMailHelpdesk", entHelpdesk)}
</#if>
