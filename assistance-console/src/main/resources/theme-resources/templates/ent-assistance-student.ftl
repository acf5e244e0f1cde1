<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: ent-assistance-student.ftl -->
    <#if section = "header">
        ${entStudent.name}
    <#elseif section = "form">
    <link rel="stylesheet" href="${url.resourcesPath}/css/ent-assistance.css">
    <div id="ent-assistance-student" class="ent-help ent-console">
        <p><a href="${entAssistanceUrl}">${msg("entAssistanceBack")}</a></p>
        <#if entDone??>
        <div id="ent-assistance-done" role="status" class="ent-notice <#if entDoneOk>ent-notice-ok<#else>ent-notice-error</#if>">
            <p>${msg(entDone)}</p>
        </div>
        </#if>
        <div class="ent-console-columns">
        <div>
        <section aria-labelledby="ent-assistance-identity">
            <h2 id="ent-assistance-identity">${msg("entAssistanceIdentity")}</h2>
            <dl>
                <dt>${msg("entAssistanceLogin")}</dt><dd id="ent-card-login">${entStudent.login}</dd>
                <dt>${msg("entAssistanceNumber")}</dt><dd id="ent-card-number">${entStudent.number}</dd>
                <dt>${msg("entAssistanceIne")}</dt><dd id="ent-card-ine">${entStudent.ine}</dd>
                <dt>${msg("entAssistanceYear")}</dt><dd id="ent-card-year">${entStudent.year}</dd>
                <#if entStudent.universityEmail?has_content>
                <dt>${msg("entAssistanceUniversityEmail")}</dt><dd id="ent-card-university-email">${entStudent.universityEmail}</dd>
                </#if>
                <dt>${msg("entAssistancePersonalEmail")}</dt><dd id="ent-card-email">${entStudent.personalEmail}</dd>
            </dl>
        </section>
        <section aria-labelledby="ent-assistance-standing">
            <h2 id="ent-assistance-standing">${msg("entAssistanceStanding")}</h2>
            <p id="ent-card-state">${msg("entAssistanceState" + entStudent.state)}</p>
            <p id="ent-card-why">${msg("entAssistanceWhy" + entStudent.state)}</p>
            <dl>
                <dt>${msg("entAssistanceFeePaidAt")}</dt><dd id="ent-card-paid"><#if entStudent.feePaidAt?has_content>${entStudent.feePaidAt}<#else>${msg("entAssistanceNotPaid")}</#if></dd>
                <dt>${msg("entAssistanceActivatableFrom")}</dt><dd id="ent-card-activatable">${entStudent.activatableFrom}</dd>
                <dt>${msg("entAssistanceAccessEndsOn")}</dt><dd id="ent-card-end">${entStudent.accessEndsOn}</dd>
                <dt>${msg("entAssistanceMailSentAt")}</dt><dd id="ent-card-mailed">${entStudent.activationMailSentAt}</dd>
                <dt>${msg("entAssistanceCharter")}</dt><dd id="ent-card-charter"><#if entStudent.charterVersion?has_content>${entStudent.charterVersion} (${entStudent.charterAcceptedAt})</#if></dd>
                <dt>${msg("entAssistanceForwarding")}</dt><dd id="ent-card-forwarding">${entStudent.forwarding}</dd>
                <dt>${msg("entAssistanceSupannState")}</dt><dd id="ent-card-supann"><code>${entStudent.supannState}</code></dd>
                <#if entStudent.alumni?has_content>
                <dt>${msg("entAssistanceAlumni")}</dt><dd id="ent-card-alumni" data-ent-alumni="${entStudent.alumni}">${msg("entAssistanceAlumni." + entStudent.alumni, entStudent.alumniFor, entStudent.alumniAt, entStudent.alumniUntil)}</dd>
                </#if>
                <#if entStudent.minimisedAt?has_content>
                <dt>${msg("entAssistanceMinimisedAt")}</dt><dd id="ent-card-minimised">${entStudent.minimisedAt}</dd>
                </#if>
            </dl>
        </section>
        </div>
        <div>
        <section aria-labelledby="ent-assistance-actions">
            <h2 id="ent-assistance-actions">${msg("entAssistanceActions")}</h2>
            <p class="ent-hint">${msg("entAssistanceActionsHint")}</p>
            <ul id="ent-card-actions" class="ent-assistance-actions">
            <#list entActions as action>
                <li id="ent-action-${action.slug}">
                <#if action.refusal?has_content>
                    <span class="ent-action-off">${msg("entAssistanceAction." + action.slug)}</span>
                    <span class="ent-hint"> — ${msg(action.refusal)}</span>
                <#else>
                    <a href="${action.url}">${msg("entAssistanceAction." + action.slug)}</a>
                </#if>
                </li>
            </#list>
            </ul>
        </section>
        <section aria-labelledby="ent-assistance-timeline">
            <h2 id="ent-assistance-timeline">${msg("entTimelineTitle")}</h2>
            <#if !entEventsSaved>
            <p class="ent-hint">${msg("entTimelineEventsOff")}</p>
            </#if>
            <ol id="ent-card-timeline" class="ent-timeline" reversed>
            <#list entTimeline as line>
                <li><time datetime="${line.iso}">${line.at}</time> — <#if line.arg?has_content>${msg(line.key, line.arg)}<#else>${msg(line.key)}</#if></li>
            </#list>
            </ol>
        </section>
        </div>
        </div>
    </div>
    </#if>
</@layout.registrationLayout>
