<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: ent-charter.ftl -->
    <#if section = "header">
        ${msg("entCharterTitle")}
    <#elseif section = "form">
    <div class="${properties.kcContentWrapperClass!}">
        <p>${msg("entCharterIntro", entCharterVersion)}</p>
        <div id="ent-charter-text" class="ent-charter" tabindex="0" role="region" aria-label="${msg("entCharterTitle")}">
            ${kcSanitize(msg("entCharterText"))?no_esc}
        </div>
    </div>
    <form id="ent-charter" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
        <div class="${properties.kcFormGroupClass!}">
            <label class="pf-v5-c-check" for="ent-accept">
                <input class="pf-v5-c-check__input" type="checkbox" id="ent-accept" name="accept" required>
                <span class="pf-v5-c-check__label">${msg("entCharterAccept", entCharterVersion)}</span>
            </label>
        </div>
        <@buttons.actionGroup>
            <@buttons.button name="continue" id="ent-charter-continue" label="doContinue"/>
        </@buttons.actionGroup>
    </form>
    </#if>
</@layout.registrationLayout>
