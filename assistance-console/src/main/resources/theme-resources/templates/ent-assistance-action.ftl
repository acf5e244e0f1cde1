<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-assistance-action.ftl -->
    <#if section = "header">
        ${msg("entAssistanceAction." + entAction)}
    <#elseif section = "form">
    <link rel="stylesheet" href="${url.resourcesPath}/css/ent-assistance.css">
    <div id="ent-assistance-action" class="ent-help ent-console">
        <p><a href="${entCardUrl}">${msg("entAssistanceBackToCard", entStudent.name)}</a></p>
        <p id="ent-action-student">${msg("entAssistanceActionFor", entStudent.name, entStudent.number, entStudent.login)}</p>
        <p id="ent-action-effect">${msg("entAssistanceEffect." + entAction)}</p>
        <form id="ent-action-form" action="${entActionUrl}" method="post" novalidate>
            <input type="hidden" name="${entFormField}" value="${entFormToken}">
            <label for="ent-action-reason">${msg("entAssistanceReason")}</label>
            <p id="ent-action-reason-hint" class="ent-hint">${msg("entAssistanceReasonHint", entReasonMax)}</p>
            <#if entReasonProblem??>
            <p id="ent-action-reason-error" class="ent-error" role="alert">${msg(entReasonProblem, entReasonMax)}</p>
            </#if>
            <textarea id="ent-action-reason" name="reason" rows="3" maxlength="${entReasonMax?c}" required
                      class="pf-v5-c-form-control"
                      aria-describedby="ent-action-reason-hint<#if entReasonProblem??> ent-action-reason-error</#if>"
                      <#if entReasonProblem??>aria-invalid="true"</#if>>${entReason}</textarea>
            <div class="ent-actions">
                <button id="ent-action-confirm" type="submit" class="pf-v5-c-button pf-m-primary">${msg("entAssistanceConfirm")}</button>
                <a id="ent-action-cancel" href="${entCardUrl}" class="pf-v5-c-button pf-m-link">${msg("entAssistanceCancel")}</a>
            </div>
        </form>
    </div>
    </#if>
</@layout.registrationLayout>
