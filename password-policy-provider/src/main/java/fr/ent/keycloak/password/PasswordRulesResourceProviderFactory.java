package fr.ent.keycloak.password;

import fr.ent.keycloak.support.StatelessFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Publishes the realm's active password rules at {@code /realms/{realm}/ent-password/rules}, so that the login theme
 * can show a live checklist that agrees with the server. Public and read-only: the rules are no secret, they are
 * printed on the password page anyway.
 */
public final class PasswordRulesResourceProviderFactory extends StatelessFactory<RealmResourceProvider>
        implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "ent-password";

    public PasswordRulesResourceProviderFactory() {
        super(PROVIDER_ID);
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new PasswordRulesResource(session);
    }
}
