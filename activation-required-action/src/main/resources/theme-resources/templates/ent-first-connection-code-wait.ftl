<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-first-connection-code-wait.ftl -->
    <#if section = "header">
        ${msg("entCodeWaitTitle")}
    <#elseif section = "form">
    <div id="ent-code-wait" class="${properties.kcContentWrapperClass!}">
        <p role="status">${msg("entCodeWait")}</p>
        <form id="ent-code-wait-form" action="${entWaitUrl}" method="get">
            <input id="ent-code-continue" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}" type="submit" value="${msg("entCodeContinue")}"/>
        </form>
        <p><a id="ent-back-to-login" href="${entBackUrl}">${msg("entBackToLogin")}</a></p>
    </div>
    </#if>
</@layout.registrationLayout>
