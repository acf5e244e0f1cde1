<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-first-connection-sent.ftl -->
    <#if section = "header">
        ${msg("entFirstConnectionSentTitle")}
    <#elseif section = "form">
    <div id="ent-first-connection-sent" class="${properties.kcContentWrapperClass!}">
        <p>${msg("entFirstConnectionSent")}</p>
        <ul>
            <li>${msg("entFirstConnectionSentSpam")}</li>
            <li>${msg("entFirstConnectionSentDelay")}</li>
            <li>${msg("entFirstConnectionSentNothing")}</li>
        </ul>
        <#if entHelpdesk?has_content><p>${msg("entHelpdeskContact", entHelpdesk)}</p></#if>
        <p><a id="ent-back-to-login" href="${entBackUrl}">${msg("entBackToLogin")}</a></p>
    </div>
    </#if>
</@layout.registrationLayout>
