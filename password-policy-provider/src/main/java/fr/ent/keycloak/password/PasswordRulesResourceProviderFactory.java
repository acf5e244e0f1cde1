package fr.ent.keycloak.password;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Publishes the realm's active password rules at {@code /realms/{realm}/ent-password/rules}, so that the login theme
 * can show a live checklist that agrees with the server. Public and read-only: the rules are no secret, they are
 * printed on the password page anyway.
 */
public final class PasswordRulesResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "ent-password";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PasswordRulesResource(session);
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
