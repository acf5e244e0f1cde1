<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('identifier','birthDate','code'); section>
<!-- template: ent-first-connection-code.ftl -->
    <#if section = "header">
        ${msg("entCodeTitle")}
    <#elseif section = "form">
    <div class="${properties.kcContentWrapperClass!}">
        <p>${msg("entCodeIntro")}</p>
    </div>
    <form id="ent-code-form" class="${properties.kcFormClass!}" action="${entFormAction}/code" method="post" novalidate="novalidate">
        <input type="hidden" name="entFormToken" value="${entFormToken}">
        <@field.input name="identifier" label=msg("entCodeNumber") autofocus=true autocomplete="username"
            error=messagesPerField.get('identifier') value=entIdentifier!'' />
        <p id="ent-number-hint" class="ent-hint">${msg("entCodeNumberHint")}</p>
        <@field.input name="birthDate" label=msg("entFirstConnectionBirthDate") autocomplete="bday"
            error=messagesPerField.get('birthDate') value=entBirthDate!'' />
        <p id="ent-birth-date-hint" class="ent-hint">${msg("entFirstConnectionBirthDateHint")}</p>
        <@field.input name="code" label=msg("entCodeValue") autocomplete="one-time-code"
            error=messagesPerField.get('code') value='' />
        <p id="ent-code-hint" class="ent-hint">${msg("entCodeValueHint")}</p>
        <@buttons.actionGroup>
            <@buttons.button name="send" id="ent-code-send" label="entCodeSend"/>
        </@buttons.actionGroup>
    </form>
    <p class="ent-privacy">${msg("entFirstConnectionPrivacy")}</p>
    <p><a id="ent-back-to-first-connection" href="${entFormAction}">${msg("entFirstConnectionTitle")}</a></p>
    <p><a id="ent-back-to-login" href="${entBackUrl}">${msg("entBackToLogin")}</a></p>
    </#if>
</@layout.registrationLayout>
