<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-activation-summary.ftl -->
    <#if section = "header">
        ${msg("entSummaryTitle")}
    <#elseif section = "form">
    <div class="${properties.kcContentWrapperClass!}">
        <dl id="ent-summary" class="ent-summary">
            <dt>${msg("entSummaryIdentifier")}</dt><dd id="ent-summary-username">${entUsername}</dd>
            <dt>${msg("entSummaryCharter")}</dt><dd>${msg("entSummaryCharterAccepted", entCharterVersion)}</dd>
            <dt>${msg("entSummaryPassword")}</dt><dd>${msg("entSummaryPasswordChosen")}</dd>
            <dt>${msg("entSummaryForwarding")}</dt>
            <dd id="ent-summary-forwarding"><#if entForwardingAddress?has_content>${entForwardingAddress}<#else>${msg("entSummaryNoForwarding")}</#if></dd>
        </dl>
    </div>
    <form id="ent-activation-summary" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <@buttons.actionGroup>
            <@buttons.button name="activate" id="ent-activate" label="entSummaryActivate"/>
        </@buttons.actionGroup>
    </form>
    </#if>
</@layout.registrationLayout>
