<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('identifier','birthDate'); section>
<!-- template: ent-first-connection.ftl -->
    <#if section = "header">
        ${msg("entFirstConnectionTitle")}
    <#elseif section = "form">
    <div class="${properties.kcContentWrapperClass!}">
        <p>${msg("entFirstConnectionIntro")}</p>
    </div>
    <form id="ent-first-connection-form" class="${properties.kcFormClass!}" action="${entFormAction}" method="post" novalidate="novalidate">
        <input type="hidden" name="entFormToken" value="${entFormToken}">
        <@field.input name="identifier" label=msg("entFirstConnectionIdentifier") autofocus=true autocomplete="username"
            error=messagesPerField.get('identifier') value=entIdentifier!'' />
        <p id="ent-identifier-hint" class="ent-hint">${msg("entFirstConnectionIdentifierHint")}</p>
        <@field.input name="birthDate" label=msg("entFirstConnectionBirthDate") autocomplete="bday"
            error=messagesPerField.get('birthDate') value=entBirthDate!'' />
        <p id="ent-birth-date-hint" class="ent-hint">${msg("entFirstConnectionBirthDateHint")}</p>
        <@buttons.actionGroup>
            <@buttons.button name="send" id="ent-first-connection-send" label="entFirstConnectionSend"/>
        </@buttons.actionGroup>
    </form>
    <p id="ent-have-code"><a id="ent-have-code-link" href="${entFormAction}/code">${msg("entFirstConnectionHaveCode")}</a>
        <span class="ent-hint">${msg("entFirstConnectionHaveCodeHint")}</span></p>
    <p class="ent-privacy">${msg("entFirstConnectionPrivacy")}</p>
    <p><a id="ent-back-to-login" href="${entBackUrl}">${msg("entBackToLogin")}</a></p>
    </#if>
</@layout.registrationLayout>
