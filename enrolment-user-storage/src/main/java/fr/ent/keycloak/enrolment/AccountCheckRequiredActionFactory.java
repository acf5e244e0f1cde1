package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.MillisClock;
import fr.ent.keycloak.support.StatelessFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;

/**
 * Registers {@value #PROVIDER_ID}: enabled on the realm (not as a default action), it runs its check at every sign-in
 * of a student imported from the enrolment database.
 */
public final class AccountCheckRequiredActionFactory extends StatelessFactory<RequiredActionProvider>
        implements RequiredActionFactory {

    public static final String PROVIDER_ID = "ent-account-check";

    private static final AccountCheckRequiredAction ACTION =
            new AccountCheckRequiredAction(new MillisClock(Time::currentTimeMillis));

    public AccountCheckRequiredActionFactory() {
        super(PROVIDER_ID);
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return ACTION;
    }

    @Override
    public String getDisplayText() {
        return "ENT : arrêt des comptes dont l’accès a pris fin / stop students whose access has ended";
    }
}
