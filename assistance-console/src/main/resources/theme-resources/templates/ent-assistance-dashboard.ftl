<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-assistance-dashboard.ftl -->
    <#if section = "header">
        ${msg("entDashboardTitle")}
    <#elseif section = "form">
    <div id="ent-assistance-dashboard" class="ent-help">
        <p><a href="${entAssistanceUrl}">${msg("entAssistanceBack")}</a></p>
        <p class="ent-hint">${msg("entDashboardUpdated", entUpdatedAt)}</p>
        <section aria-labelledby="ent-dashboard-states">
            <h2 id="ent-dashboard-states">${msg("entDashboardStates", entTotal)}</h2>
            <table id="ent-dashboard-states-table" class="ent-assistance-table">
                <caption class="pf-v5-screen-reader">${msg("entDashboardStatesCaption")}</caption>
                <thead><tr><th scope="col">${msg("entAssistanceState")}</th><th scope="col">${msg("entDashboardStudents")}</th></tr></thead>
                <tbody>
                <#list entStates as row>
                    <tr id="ent-dashboard-state-${row.state}"><th scope="row">${msg("entAssistanceState" + row.state)}</th><td>${row.count}</td></tr>
                </#list>
                </tbody>
            </table>
        </section>
        <section aria-labelledby="ent-dashboard-links">
            <h2 id="ent-dashboard-links">${msg("entDashboardLinks")}</h2>
            <dl>
                <dt>${msg("entDashboardMailed")}</dt><dd id="ent-dashboard-mailed">${entMailed?c}</dd>
                <dt>${msg("entDashboardActivated")}</dt><dd id="ent-dashboard-activated">${entActivated?c}</dd>
                <dt>${msg("entDashboardFailing")}</dt><dd id="ent-dashboard-failing">${entFailing?c}</dd>
                <dt>${msg("entDashboardEndingSoon", entEndingWindow)}</dt><dd id="ent-dashboard-ending">${entEndingSoon?c}</dd>
            </dl>
        </section>
        <section aria-labelledby="ent-dashboard-days">
            <h2 id="ent-dashboard-days">${msg("entDashboardPerDay")}</h2>
            <table id="ent-dashboard-days-table" class="ent-assistance-table">
                <caption class="pf-v5-screen-reader">${msg("entDashboardPerDayCaption")}</caption>
                <thead><tr><th scope="col">${msg("entDashboardDay")}</th><th scope="col">${msg("entDashboardActivations")}</th></tr></thead>
                <tbody>
                <#list entDays as day>
                    <tr><th scope="row"><time datetime="${day.iso}">${day.date}</time></th><td>${day.count}</td></tr>
                </#list>
                </tbody>
            </table>
        </section>
    </div>
    </#if>
</@layout.registrationLayout>
