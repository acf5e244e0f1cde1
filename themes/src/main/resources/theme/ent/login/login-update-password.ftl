<#import "template.ftl" as layout>
<#import "password-commons.ftl" as passwordCommons>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#-- ENT: keycloak.v2's password page with a live checklist of the realm's active rules, the recommended length as a
     gentle meter, and a caps-lock warning. The checklist is fed by /realms/{realm}/ent-password/rules; the dictionary
     verdict comes from the server when the form is sent. Script in resources/js (no inline script: CSP). -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm'); section>
<!-- template: login-update-password.ftl (ent) -->
    <#if section = "header">
        ${msg("updatePasswordTitle")}
    <#elseif section = "form">
        <#assign entRealmUrl = url.loginRestartFlowUrl?keep_before("/login-actions/")>
        <form id="kc-passwd-update-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@field.password name="password-new" label=msg("passwordNew") fieldName="password" autocomplete="new-password" autofocus=true />
            <p id="ent-capslock" class="ent-capslock" role="status" hidden>${msg("entCapsLockOn")}</p>
            <div id="ent-password-rules" class="ent-password-rules" data-rules-url="${entRealmUrl}/ent-password/rules"
                 data-ok="${msg("entPasswordRuleOk")}" data-todo="${msg("entPasswordRuleTodo")}"
                 data-status="${msg("entPasswordRulesStatus", "{0}", "{1}")}">
                <p id="ent-password-rules-title" class="ent-password-rules-title">${msg("entPasswordRulesTitle")}</p>
                <ul aria-labelledby="ent-password-rules-title">
                    <li data-ent-rule="length" data-template="${msg("entPasswordRuleLength", "{0}")}"><span class="ent-rule-text">${msg("entPasswordRuleLength", "8")}</span> <span class="ent-rule-state"></span></li>
                    <li data-ent-rule="letter"><span class="ent-rule-text">${msg("entPasswordRuleLetter")}</span> <span class="ent-rule-state"></span></li>
                    <li data-ent-rule="digit"><span class="ent-rule-text">${msg("entPasswordRuleDigit")}</span> <span class="ent-rule-state"></span></li>
                    <li data-ent-rule="forbidden" data-template="${msg("entPasswordRuleForbidden", "{0}")}"><span class="ent-rule-text">${msg("entPasswordRuleForbidden", "< > \" ' $")}</span> <span class="ent-rule-state"></span></li>
                    <li data-ent-rule="dictionary" class="ent-rule-server"><span class="ent-rule-text">${msg("entPasswordRuleDictionary")}</span></li>
                </ul>
                <label id="ent-password-meter-label" for="ent-password-meter" data-template="${msg("entPasswordAdvice", "{0}")}">${msg("entPasswordAdvice", "12")}</label>
                <meter id="ent-password-meter" min="0" max="12" low="8" high="11" optimum="12" value="0"></meter>
                <p id="ent-password-status" class="ent-sr-only" aria-live="polite"></p>
            </div>
            <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />

            <div class="${properties.kcFormGroupClass!}">
                <@passwordCommons.logoutOtherSessions/>
            </div>

            <@buttons.actionGroup horizontal=true>
                <#if isAppInitiatedAction??>
                    <@buttons.button id="kc-submit" name="login" label="doSubmit"/>
                    <@buttons.button id="kc-cancel" label="doCancel" name="cancel-aia" type="secondary"/>
                <#else>
                    <@buttons.button id="kc-submit" name="login" label="doSubmit"/>
                </#if>
            </@buttons.actionGroup>
        </form>
        <script type="module" src="${url.resourcesPath}/js/ent-password.js"></script>
    </#if>
</@layout.registrationLayout>
