<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-activation-start.ftl -->
    <#if section = "header">
        ${msg("entActivationStartTitle")}
    <#elseif section = "form">
    <div class="${properties.kcContentWrapperClass!}">
        <p id="ent-activation-greeting">${msg("entActivationStartGreeting")} ${entFirstName},</p>
        <p>${msg("entActivationStartIdentifier")} <strong id="ent-username">${entUsername}</strong></p>
        <p>${msg("entActivationStartSteps")}</p>
        <ol id="ent-activation-steps">
            <li>${msg("entActivationStepCharter")}</li>
            <li>${msg("entActivationStepPassword")}</li>
            <li>${msg("entActivationStepForwarding")}</li>
        </ol>
    </div>
    <form id="ent-activation-start" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <@buttons.actionGroup>
            <@buttons.button name="start" id="ent-start" label="entActivationStartButton"/>
        </@buttons.actionGroup>
    </form>
    </#if>
</@layout.registrationLayout>
