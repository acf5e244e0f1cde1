package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.enrolment.core.AccountOwnership;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;

/**
 * Checks at each sign-in, from the student's stored data and the clock, that the account is still open: a student whose
 * access ended (31 December of the year the last academic year ends) is stopped at that very sign-in, even when no sync
 * has run since midnight and Keycloak serves the account from its cache. The account is then disabled and every
 * session ended. Needs no query to the enrolment database. Between Keycloak's "Unlink users" and the next full sync, the
 * students' unlinked accounts are checked too.
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
        ComponentModel component = user == null ? null : source(context.getRealm(), user);
        if (component == null) {
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

    /**
     * The enrolment source whose lifecycle the account follows: the one that imported it; for one of the pack's
     * students unlinked from its source ({@link AccountOwnership#checkedAtSignIn}), any enrolment source of the realm
     * (the check reads only the account's stored data and the realm's lifecycle). Null: not a student's account.
     */
    private static ComponentModel source(RealmModel realm, UserModel user) {
        String link = user.getFederationLink();
        ComponentModel linked = link == null ? null : realm.getComponent(link);
        boolean enrolment = linked != null && isEnrolment(linked);
        if (!AccountOwnership.checkedAtSignIn(
                enrolment,
                link,
                user.getFirstAttribute(StudentImporter.SOURCE_FINGERPRINT) != null,
                user.getFirstAttribute(EntAttributes.STUDENT_NUMBER))) {
            return null;
        }
        if (enrolment) {
            return linked;
        }
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(AccountCheckRequiredAction::isEnrolment)
                .findFirst()
                .orElse(null);
    }

    private static boolean isEnrolment(ComponentModel component) {
        return EnrolmentUserStorageProviderFactory.PROVIDER_ID.equals(component.getProviderId());
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
