<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-assistance.ftl -->
    <#if section = "header">
        ${msg("entAssistanceTitle")}
    <#elseif section = "form">
    <link rel="stylesheet" href="${url.resourcesPath}/css/ent-assistance.css">
    <div id="ent-assistance" class="ent-help ent-console">
        <p><a id="ent-dashboard-link" href="${entAssistanceUrl}/dashboard">${msg("entDashboardTitle")}</a></p>
        <form id="ent-assistance-search" action="${entAssistanceUrl}" method="get" role="search">
            <label for="ent-assistance-q">${msg("entAssistanceSearchLabel")}</label>
            <p id="ent-assistance-q-hint" class="ent-hint">${msg("entAssistanceSearchHint")}</p>
            <input id="ent-assistance-q" name="q" type="search" value="${entQuery}" maxlength="100"
                   aria-describedby="ent-assistance-q-hint" class="pf-v5-c-form-control" autocomplete="off">
            <button id="ent-assistance-go" type="submit" class="pf-v5-c-button pf-m-primary">${msg("entAssistanceSearch")}</button>
        </form>
        <#if entSearched>
        <section aria-labelledby="ent-assistance-results-title">
            <h2 id="ent-assistance-results-title">${msg("entAssistanceResults", entResults?size)}</h2>
            <#if entResults?size == 0>
            <p id="ent-assistance-none">${msg("entAssistanceNone")}</p>
            <#else>
            <table id="ent-assistance-results" class="ent-assistance-table">
                <caption class="pf-v5-screen-reader">${msg("entAssistanceResultsCaption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">${msg("entAssistanceName")}</th>
                        <th scope="col">${msg("entAssistanceLogin")}</th>
                        <th scope="col">${msg("entAssistanceNumber")}</th>
                        <th scope="col">${msg("entAssistanceState")}</th>
                    </tr>
                </thead>
                <tbody>
                <#list entResults as row>
                    <tr>
                        <td><a href="${row.url}">${row.name}</a></td>
                        <td>${row.login}</td>
                        <td>${row.number}</td>
                        <td>${msg("entAssistanceState" + row.state)}</td>
                    </tr>
                </#list>
                </tbody>
            </table>
            </#if>
        </section>
        </#if>
    </div>
    </#if>
</@layout.registrationLayout>
