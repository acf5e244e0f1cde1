<#ftl output_format="plainText">
${msg("entActivationMailHello")} ${entFirstName},

${msg("entReadyAtMailBody", entUsername, entReadyAtTime, entReadyAtDate)}

${msg("entGuidanceMailNotYou")}
<#if entHelpdesk?has_content>

${msg("entMailHelpdesk", entHelpdesk)}
</#if>
