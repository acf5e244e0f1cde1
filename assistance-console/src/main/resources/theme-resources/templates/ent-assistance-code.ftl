<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-assistance-code.ftl -->
    <#if section = "header">
        ${msg("entAssistanceCodeTitle")}
    <#elseif section = "form">
    <link rel="stylesheet" href="${url.resourcesPath}/css/ent-assistance.css">
    <div id="ent-assistance-code" class="ent-help ent-console">
        <p id="ent-action-student">${msg("entAssistanceActionFor", entStudent.name, entStudent.number, entStudent.login)}</p>
        <p>${msg("entAssistanceCodeIntro")}</p>
        <p class="ent-code" aria-describedby="ent-code-expiry"><span id="ent-code-value">${entCode}</span></p>
        <p id="ent-code-expiry">${msg("entAssistanceCodeExpiry", entCodeExpiresAt, entCodeMinutes)}</p>
        <ol>
            <li>${msg("entAssistanceCodeStep1")}</li>
            <li>${msg("entAssistanceCodeStep2")}</li>
            <li>${msg("entAssistanceCodeStep3")}</li>
        </ol>
        <p class="ent-hint">${msg("entAssistanceCodeOnce")}</p>
        <p><a id="ent-code-back" href="${entCardUrl}">${msg("entAssistanceBackToCard", entStudent.name)}</a></p>
    </div>
    </#if>
</@layout.registrationLayout>
