package fr.ent.keycloak.password;

import fr.ent.keycloak.password.core.PasswordRulesConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resource.RealmResourceProvider;

/** {@code GET /realms/{realm}/ent-password/rules}: the realm's active ENT password rules as JSON. */
final class PasswordRulesResource implements RealmResourceProvider {

    private final KeycloakSession session;

    PasswordRulesResource(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return this;
    }

    @GET
    @Path("rules")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rules() {
        RealmModel realm = session.getContext().getRealm();
        boolean active = realm.getPasswordPolicy() != null
                && realm.getPasswordPolicy().getPolicies().contains(EntPasswordPolicyProviderFactory.PROVIDER_ID);
        PasswordRulesConfig config = PolicySettings.of(realm);
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("active", active);
        rules.put("minLength", config.minLength());
        rules.put("recommendedLength", config.recommendedLength());
        rules.put("maxLength", config.maxLength());
        rules.put("requireLetter", true);
        rules.put("requireDigit", true);
        rules.put("forbiddenCharacters", config.forbiddenCharacters());
        rules.put("dictionary", true);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        return Response.ok(rules).cacheControl(cache).build();
    }

    @Override
    public void close() {}
}
