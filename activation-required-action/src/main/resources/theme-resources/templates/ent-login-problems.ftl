<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-login-problems.ftl -->
    <#if section = "header">
        ${msg("entLoginProblemsTitle")}
    <#elseif section = "form">
    <div id="ent-login-problems" class="ent-help">
        <section aria-labelledby="ent-problem-no-email">
            <h2 id="ent-problem-no-email">${msg("entProblemNoEmailTitle")}</h2>
            <ul>
                <li>${msg("entProblemNoEmailSpam")}</li>
                <li>${msg("entProblemNoEmailDelay")}</li>
                <li>${msg("entProblemNoEmailAddress")}</li>
            </ul>
            <p><a href="${entFirstConnectionUrl}">${msg("entFirstConnectionLink")}</a></p>
        </section>
        <section aria-labelledby="ent-problem-expired">
            <h2 id="ent-problem-expired">${msg("entProblemExpiredTitle")}</h2>
            <p>${msg("entProblemExpiredText", entLinkLifespanHours)}</p>
            <p><a href="${entFirstConnectionUrl}">${msg("entFirstConnectionLink")}</a></p>
        </section>
        <section aria-labelledby="ent-problem-password">
            <h2 id="ent-problem-password">${msg("entProblemPasswordTitle")}</h2>
            <p>${msg("entProblemPasswordText")}</p>
            <p><a href="${entResetPasswordUrl}">${msg("entHelpPasswordForgotten")}</a></p>
        </section>
        <section aria-labelledby="ent-problem-identifier">
            <h2 id="ent-problem-identifier">${msg("entProblemIdentifierTitle")}</h2>
            <p>${msg("entWhereIdentifierText")}</p>
            <p>${msg("entProblemIdentifierReminder")}</p>
        </section>
        <section aria-labelledby="ent-problem-closed">
            <h2 id="ent-problem-closed">${msg("entProblemClosedTitle")}</h2>
            <p>${msg("entProblemClosedText")}</p>
        </section>
        <section aria-labelledby="ent-problem-browser">
            <h2 id="ent-problem-browser">${msg("entProblemBrowserTitle")}</h2>
            <p>${msg("entProblemBrowserText")}</p>
        </section>
        <section aria-labelledby="ent-problem-contact">
            <h2 id="ent-problem-contact">${msg("entHelpContactTitle")}</h2>
            <p>${msg("entProblemContactText")}</p>
            <#if entHelpdesk?has_content><p>${msg("entHelpdeskContact", entHelpdesk)}</p></#if>
        </section>
        <p><a id="ent-back-to-login" href="${entBackUrl}">${msg("entBackToLogin")}</a></p>
    </div>
    </#if>
</@layout.registrationLayout>
