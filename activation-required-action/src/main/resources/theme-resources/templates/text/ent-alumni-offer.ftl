<#ftl output_format="plainText">
${msg("entActivationMailHello")} ${entFirstName},

${msg("entAlumniMailBody", entUsername, entAccessEndsOn)}

${msg("entAlumniMailOffer", entAlumniUntil)}

${msg("entAlumniMailLink", entAccessEndsOn)}
${link}

${msg("entAlumniMailSilence", entAccessEndsOn)}

${msg("entExpiryWarningReenrol")}
<#if entHelpdesk?has_content>

${msg("entMailHelpdesk", entHelpdesk)}
</#if>
