<#-- ENT: on every page, the way to help. -->
<#macro content>
<#assign entRealmUrl = url.loginRestartFlowUrl?keep_before("/login-actions/")>
<nav id="ent-help-links" class="ent-help-links" aria-label="${msg("entHelpNavigation")}">
  <ul>
    <li><a id="ent-link-first-connection" href="${entRealmUrl}/ent-first-connection">${msg("entFirstConnectionLink")}</a></li>
    <li><a id="ent-link-login-problems" href="${entRealmUrl}/ent-help/login-problems">${msg("entLoginProblemsLink")}</a></li>
    <li><a id="ent-link-help" href="${entRealmUrl}/ent-help">${msg("entHelpLink")}</a></li>
  </ul>
</nav>
</#macro>
