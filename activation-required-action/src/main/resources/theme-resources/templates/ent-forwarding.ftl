<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-forwarding.ftl -->
    <#if section = "header">
        ${msg("entForwardingTitle")}
    <#elseif section = "form">
    <div class="${properties.kcContentWrapperClass!}">
        <p>${msg("entForwardingIntro")}</p>
    </div>
    <form id="ent-forwarding" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate>
        <fieldset class="${properties.kcFormGroupClass!}">
            <legend>${msg("entForwardingQuestion")}</legend>
            <div class="pf-v5-c-radio">
                <input class="pf-v5-c-radio__input" type="radio" id="ent-forwarding-none" name="forwarding" value="none" <#if !entForwarding>checked</#if>>
                <label class="pf-v5-c-radio__label" for="ent-forwarding-none">${msg("entForwardingNone")}</label>
            </div>
            <div class="pf-v5-c-radio">
                <input class="pf-v5-c-radio__input" type="radio" id="ent-forwarding-forward" name="forwarding" value="forward" <#if entForwarding>checked</#if>>
                <label class="pf-v5-c-radio__label" for="ent-forwarding-forward">${msg("entForwardingForward")}</label>
            </div>
        </fieldset>
        <div class="${properties.kcFormGroupClass!}">
            <label class="pf-v5-c-form__label" for="forwardingAddress"><span class="pf-v5-c-form__label-text">${msg("entForwardingAddress")}</span></label>
            <span class="pf-v5-c-form-control<#if messagesPerField.existsError('forwardingAddress')> pf-m-error</#if>">
                <input type="email" id="forwardingAddress" name="forwardingAddress" value="${entForwardingAddress}"
                       maxlength="254" autocomplete="email" aria-describedby="ent-forwarding-help<#if messagesPerField.existsError('forwardingAddress')> input-error-forwarding</#if>"
                       <#if messagesPerField.existsError('forwardingAddress')>aria-invalid="true"</#if>>
            </span>
            <p id="ent-forwarding-help" class="pf-v5-c-helper-text">${msg("entForwardingHelp", entPersonalEmail)}</p>
            <#if messagesPerField.existsError('forwardingAddress')>
                <p id="input-error-forwarding" class="pf-v5-c-helper-text pf-m-error" aria-live="polite">${kcSanitize(messagesPerField.get('forwardingAddress'))?no_esc}</p>
            </#if>
        </div>
        <@buttons.actionGroup>
            <@buttons.button name="continue" id="ent-forwarding-continue" label="doContinue"/>
        </@buttons.actionGroup>
    </form>
    </#if>
</@layout.registrationLayout>
