package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.UserModel;

/**
 * Checks at each sign-in, from the student's stored data and the clock, that the account is still open: a student whose
 * access ended (31 December of the year the last academic year ends) is stopped at that very sign-in, even when no sync
 * has run since midnight and Keycloak serves the account from its cache. The account is then disabled and every
 * session ended. Needs no query to the enrolment database.
 */
final class AccountCheckRequiredAction implements RequiredActionProvider {

    static final String MESSAGE = "entAccountClosed";

    private final Clock clock;

    AccountCheckRequiredAction(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        String link = user == null ? null : user.getFederationLink();
        ComponentModel component = link == null ? null : context.getRealm().getComponent(link);
        if (component == null || !EnrolmentUserStorageProviderFactory.PROVIDER_ID.equals(component.getProviderId())) {
            return;
        }
        new StudentImporter(
                        context.getSession(),
                        context.getRealm(),
                        component,
                        StudentImporter.lifecycle(context.getRealm()),
                        clock)
                .closeIfEnded(user);
        if (AccountState.parse(user.getFirstAttribute(EntAttributes.ACCOUNT_STATE))
                        .orElse(null)
                == AccountState.EXPIRED) {
            context.getAuthenticationSession().addRequiredAction(AccountCheckRequiredActionFactory.PROVIDER_ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(context.form().setError(MESSAGE).createErrorPage(Response.Status.FORBIDDEN));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        requiredActionChallenge(context);
    }

    @Override
    public void close() {}
}
