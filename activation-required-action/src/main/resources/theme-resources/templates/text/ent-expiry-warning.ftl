<#ftl output_format="plainText">
${msg("entActivationMailHello")} ${entFirstName},

${msg("entExpiryWarningBody", entUsername, entAccessEndsOn)}

${msg("entExpiryWarningSave")}

${msg("entExpiryWarningReenrol")}
<#if entAlumniLink?has_content>

${msg("entExpiryWarningAlumni", entAlumniUntil)}
${entAlumniLink}
<#elseif entAlumniDeclined>

${msg("entExpiryWarningAlumniDeclined")}
</#if>
<#if entHelpdesk?has_content>

${msg("entMailHelpdesk", entHelpdesk)}
</#if>
