<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: ent-alumni.ftl -->
    <#if section = "header">
        ${msg("entAlumniTitle")}
    <#elseif section = "form">
    <div id="ent-alumni" class="${properties.kcContentWrapperClass!}" data-ent-alumni="${entAlumniPage}">
    <#if entAlumniPage = "open">
        <p id="ent-alumni-intro">${msg("entAlumniIntro", entUsername, entAccessEndsOn)}</p>
        <p>${msg("entAlumniExplain", entAlumniUntil)}</p>
        <p>${msg("entAlumniReenrol")}</p>
        <form id="ent-alumni-form" class="${properties.kcFormClass!}" action="${entAlumniAction}" method="post">
            <input type="hidden" name="key" value="${entAlumniKey}">
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                        name="choice" value="keep" id="ent-alumni-keep">${msg("entAlumniKeep", entAlumniUntil)}</button>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <button class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" type="submit"
                        name="choice" value="close" id="ent-alumni-close">${msg("entAlumniClose", entAccessEndsOn)}</button>
            </div>
        </form>
    <#elseif entAlumniPage = "answered">
        <#if entAlumniKept>
        <p id="ent-alumni-answer">${msg("entAlumniKept", entUsername, entAlumniUntil)}</p>
        <p>${msg("entAlumniKeptNext")}</p>
        <#else>
        <p id="ent-alumni-answer">${msg("entAlumniClosed", entUsername, entAccessEndsOn)}</p>
        <p>${msg("entAlumniClosedSave")}</p>
        </#if>
    <#elseif entAlumniPage = "closed">
        <p id="ent-alumni-answer">${msg("entAlumniNotOpen")}</p>
    <#else>
        <p id="ent-alumni-answer">${msg("entAlumniInvalid")}</p>
    </#if>
        <#if entHelpdesk?has_content><p>${msg("entHelpdeskContact", entHelpdesk)}</p></#if>
        <p><a id="ent-back-to-login" href="${entBackUrl}">${msg("entBackToLogin")}</a></p>
    </div>
    </#if>
</@layout.registrationLayout>
