<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-assistance-dashboard.ftl -->
    <#if section = "header">
        ${msg("entDashboardTitle")}
    <#elseif section = "form">
    <link rel="stylesheet" href="${url.resourcesPath}/css/ent-assistance.css">
    <div id="ent-assistance-dashboard" class="ent-help ent-console">
        <p><a href="${entAssistanceUrl}">${msg("entAssistanceBack")}</a></p>
        <p class="ent-hint">${msg("entDashboardUpdated", entUpdatedAt)}</p>
        <div class="ent-console-columns">
        <section aria-labelledby="ent-dashboard-states">
            <h2 id="ent-dashboard-states">${msg("entDashboardStates", entTotal)}</h2>
            <#-- a bar per state, the figure written at its end; the table below says the same for every reader -->
            <svg id="ent-dashboard-states-chart" class="ent-chart" role="img" aria-labelledby="ent-dashboard-states"
                 viewBox="0 0 ${(entChart.barLength + 210)?c} ${(entStates?size * entChart.rowHeight)?c}">
                <#list entStates as row>
                <g transform="translate(0 ${row.y})">
                    <text x="0" y="18">${msg("entAssistanceState" + row.state)}</text>
                    <rect class="ent-chart-bar" x="140" y="4" width="${row.bar}" height="18"><title>${msg("entAssistanceState" + row.state)} : ${row.count}</title></rect>
                    <text x="${(row.bar?number + 146)?c}" y="18">${row.count}</text>
                </g>
                </#list>
            </svg>
            <details class="ent-figures">
                <summary>${msg("entDashboardFigures")}</summary>
                <table id="ent-dashboard-states-table" class="ent-assistance-table">
                    <caption class="pf-v5-screen-reader">${msg("entDashboardStatesCaption")}</caption>
                    <thead><tr><th scope="col">${msg("entAssistanceState")}</th><th scope="col">${msg("entDashboardStudents")}</th></tr></thead>
                    <tbody>
                    <#list entStates as row>
                        <tr id="ent-dashboard-state-${row.state}"><th scope="row">${msg("entAssistanceState" + row.state)}</th><td>${row.count}</td></tr>
                    </#list>
                    </tbody>
                </table>
            </details>
        </section>
        <section aria-labelledby="ent-dashboard-links">
            <h2 id="ent-dashboard-links">${msg("entDashboardLinks")}</h2>
            <#-- the funnel: paid, then mailed a link, then activated -->
            <svg id="ent-dashboard-funnel" class="ent-chart" role="img" aria-labelledby="ent-dashboard-links"
                 viewBox="0 0 ${(entChart.barLength + 210)?c} ${(entFunnel?size * entChart.rowHeight)?c}">
                <#list entFunnel as step>
                <g transform="translate(0 ${step.y})">
                    <text x="0" y="18">${msg(step.key + "Short")}</text>
                    <rect class="ent-chart-bar-alt" x="140" y="4" width="${step.bar}" height="18"><title>${msg(step.key)} : ${step.count}</title></rect>
                    <text x="${(step.bar?number + 146)?c}" y="18">${step.count}</text>
                </g>
                </#list>
            </svg>
            <dl class="ent-figures-list">
                <dt>${msg("entDashboardPaid")}</dt><dd id="ent-dashboard-paid">${entPaid?c}</dd>
                <dt>${msg("entDashboardMailed")}</dt><dd id="ent-dashboard-mailed">${entMailed?c}</dd>
                <dt>${msg("entDashboardActivated")}</dt><dd id="ent-dashboard-activated">${entActivated?c}</dd>
                <dt>${msg("entDashboardFailing")}</dt><dd id="ent-dashboard-failing">${entFailing?c}</dd>
                <dt>${msg("entDashboardEndingSoon", entEndingWindow)}</dt><dd id="ent-dashboard-ending">${entEndingSoon?c}</dd>
            </dl>
        </section>
        </div>
        <section aria-labelledby="ent-dashboard-days">
            <h2 id="ent-dashboard-days">${msg("entDashboardPerDay")}</h2>
            <#-- a column per day, its figure above it, the day below -->
            <svg id="ent-dashboard-days-chart" class="ent-chart" role="img" aria-labelledby="ent-dashboard-days"
                 viewBox="0 0 ${entChart.width?c} ${(entChart.columnTop + entChart.columnHeight + 22)?c}">
                <line class="ent-chart-axis" x1="0" x2="${entChart.width?c}" y1="${(entChart.columnTop + entChart.columnHeight)?c}" y2="${(entChart.columnTop + entChart.columnHeight)?c}"/>
                <#list entDays as day>
                <g transform="translate(${day.x} 0)">
                    <rect class="ent-chart-bar" x="6" y="${day.y}" width="${(entChart.columnWidth - 12)?c}" height="${day.height}"><title>${day.date} : ${day.count}</title></rect>
                    <text x="${(entChart.columnWidth / 2)?c}" y="${(day.y?number - 4)?c}" text-anchor="middle">${day.count}</text>
                    <text x="${(entChart.columnWidth / 2)?c}" y="${(entChart.columnTop + entChart.columnHeight + 16)?c}" text-anchor="middle">${day.short}</text>
                </g>
                </#list>
            </svg>
            <details class="ent-figures">
                <summary>${msg("entDashboardFigures")}</summary>
                <table id="ent-dashboard-days-table" class="ent-assistance-table">
                    <caption class="pf-v5-screen-reader">${msg("entDashboardPerDayCaption")}</caption>
                    <thead><tr><th scope="col">${msg("entDashboardDay")}</th><th scope="col">${msg("entDashboardActivations")}</th></tr></thead>
                    <tbody>
                    <#list entDays as day>
                        <tr><th scope="row"><time datetime="${day.iso}">${day.date}</time></th><td>${day.count}</td></tr>
                    </#list>
                    </tbody>
                </table>
            </details>
        </section>
    </div>
    </#if>
</@layout.registrationLayout>
