<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-help.ftl -->
    <#if section = "header">
        ${msg("entHelpTitle")}
    <#elseif section = "form">
    <div id="ent-help" class="ent-help">
        <section aria-labelledby="ent-help-activation">
            <h2 id="ent-help-activation">${msg("entHelpActivationTitle")}</h2>
            <p>${msg("entHelpActivationText", entLinkLifespanHours)}</p>
            <p><a href="${entFirstConnectionUrl}">${msg("entHelpActivationLink")}</a></p>
        </section>
        <section aria-labelledby="ent-help-identifier">
            <h2 id="ent-help-identifier">${msg("entWhereIdentifier")}</h2>
            <p>${msg("entWhereIdentifierText")}</p>
        </section>
        <section aria-labelledby="ent-help-password">
            <h2 id="ent-help-password">${msg("entHelpPasswordTitle")}</h2>
            <ul>
                <li>${msg("entHelpPasswordLength")}</li>
                <li>${msg("entHelpPasswordMix")}</li>
                <li>${msg("entHelpPasswordCharacters")}</li>
                <li>${msg("entHelpPasswordWords")}</li>
            </ul>
            <p><a href="${entResetPasswordUrl}">${msg("entHelpPasswordForgotten")}</a></p>
        </section>
        <section aria-labelledby="ent-help-after">
            <h2 id="ent-help-after">${msg("entHelpAfterTitle")}</h2>
            <p>${msg("entHelpAfterText")}</p>
        </section>
        <section aria-labelledby="ent-help-contact">
            <h2 id="ent-help-contact">${msg("entHelpContactTitle")}</h2>
            <p><a href="${entHelpUrl}/login-problems">${msg("entLoginProblemsLink")}</a></p>
            <#if entHelpdesk?has_content><p>${msg("entHelpdeskContact", entHelpdesk)}</p></#if>
        </section>
        <p><a id="ent-back-to-login" href="${entBackUrl}">${msg("entBackToLogin")}</a></p>
    </div>
    </#if>
</@layout.registrationLayout>
