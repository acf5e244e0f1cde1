<#ftl output_format="plainText">
${msg("entActivationMailHello")} ${entFirstName},

${msg("entExpiryWarningBody", entUsername, entAccessEndsOn)}

${msg("entExpiryWarningSave")}

${msg("entExpiryWarningReenrol")}
<#if entHelpdesk?has_content>

${msg("entMailHelpdesk", entHelpdesk)}
</#if>
