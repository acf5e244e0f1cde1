package fr.ent.keycloak.activation.firstconnection;

import fr.ent.keycloak.activation.settings.ActivationSettings;
import fr.ent.keycloak.support.PageLocale;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * The help pages, reachable without signing in: {@code /realms/{realm}/ent-help} ("Aide") and
 * {@code /realms/{realm}/ent-help/login-problems} ("Problème de connexion"). Their text is the login theme's
 * ({@code ent-help.ftl}, {@code ent-login-problems.ftl} and the message bundles); this resource gives them the links
 * and contacts of the realm.
 */
public final class HelpResource {

    private final KeycloakSession session;
    private final RealmModel realm;

    HelpResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response help() {
        return page("ent-help.ftl");
    }

    @GET
    @Path("login-problems")
    @Produces(MediaType.TEXT_HTML)
    public Response loginProblems() {
        return page("ent-login-problems.ftl");
    }

    private Response page(String template) {
        PageLocale.apply(session);
        ActivationSettings settings = ActivationSettings.of(realm);
        URI base = session.getContext().getUri().getBaseUri();
        String realmUrl = Urls.realmBase(base).path(realm.getName()).build().toString();
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("entHelpdesk", settings.helpdesk())
                .setAttribute("entFirstConnectionUrl", realmUrl + "/" + FirstConnectionResourceProvider.ID)
                .setAttribute("entHelpUrl", realmUrl + "/" + HelpResourceProvider.ID)
                .setAttribute(
                        "entResetPasswordUrl",
                        Urls.loginResetCredentialsBuilder(base)
                                .queryParam("client_id", settings.portalClientId())
                                .build(realm.getName())
                                .toString())
                .setAttribute("entBackUrl", ActivationSettings.backUrl(session, realm))
                .setAttribute("entLinkLifespanHours", Math.max(1, settings.linkLifespanSeconds() / 3600))
                .createForm(template);
    }
}
