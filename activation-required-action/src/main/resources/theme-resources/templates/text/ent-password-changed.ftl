<#ftl output_format="plainText">
${msg("entActivationMailHello")} ${entFirstName},

${msg("entPasswordChangedBody", entUsername, entChangedOn, entChangedAt)}

${msg("entPasswordChangedNotYou")}
<#if entHelpdesk?has_content>

${msg("entMailHelpdesk", entHelpdesk)}
</#if>
