<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "social-providers.ftl" as identityProviders>
<#-- ENT: keycloak.v2's sign-in form, with the first-connection entry and where to find the identifier. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=true; section>
<!-- template: login.ftl (ent) -->
    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <#if realm.password>
                <form id="kc-form-login" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <#if !usernameHidden??>
                        <@field.input name="username" label=msg("entUsernameLabel") error=messagesPerField.getFirstError('username','password')
                            autofocus=true autocomplete="username" value=login.username!'' />
                        <p id="ent-username-hint" class="ent-hint">${msg("entUsernameHint")}</p>
                    </#if>
                    <@field.password name="password" label=msg("password") error="" forgotPassword=realm.resetPasswordAllowed autofocus=usernameHidden?? autocomplete="current-password">
                        <#if realm.rememberMe && !usernameHidden??>
                            <@field.checkbox name="rememberMe" label=msg("rememberMe") value=login.rememberMe?? />
                        </#if>
                    </@field.password>
                    <input type="hidden" id="id-hidden-input" name="credentialId" <#if auth.selectedCredential?has_content>value="${auth.selectedCredential}"</#if>/>
                    <@buttons.loginButton />
                </form>
            </#if>
          </div>
        </div>
    <#elseif section = "socialProviders" >
        <#if realm.password && social.providers?? && social.providers?has_content>
            <@identityProviders.show social=social/>
        </#if>
    <#elseif section = "info" >
        <#assign entRealmUrl = url.loginRestartFlowUrl?keep_before("/login-actions/")>
        <div id="ent-first-connection-entry" class="ent-first-connection-entry">
            <p>${msg("entFirstConnectionQuestion")}</p>
            <a id="ent-first-connection" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}" href="${entRealmUrl}/ent-first-connection">${msg("entFirstConnectionLink")}</a>
        </div>
        <details id="ent-where-identifier" class="ent-where-identifier">
            <summary>${msg("entWhereIdentifier")}</summary>
            <p>${msg("entWhereIdentifierText")}</p>
        </details>
    </#if>
</@layout.registrationLayout>
