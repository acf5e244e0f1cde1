<#ftl output_format="plainText">
${msg("entActivationMailHello")} ${entFirstName},

${msg("entUnpaidMailBody", entUsername)}

${msg("entUnpaidMailHelp")}

${msg("entGuidanceMailNotYou")}
<#if entHelpdesk?has_content>

${msg("entMailHelpdesk", entHelpdesk)}
</#if>
