package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.MillisClock;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers {@value #PROVIDER_ID}: enabled on the realm (not as a default action), it runs its check at every sign-in
 * of a student imported from the enrolment database.
 */
public final class AccountCheckRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "ent-account-check";

    private static final AccountCheckRequiredAction ACTION =
            new AccountCheckRequiredAction(new MillisClock(Time::currentTimeMillis));

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return ACTION;
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

    @Override
    public String getDisplayText() {
        return "ENT : arrêt des comptes dont l’accès a pris fin / stop students whose access has ended";
    }
}
