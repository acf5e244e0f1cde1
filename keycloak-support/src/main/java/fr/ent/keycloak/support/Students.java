package fr.ent.keycloak.support;

import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.LogSafe;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Who is a student, their stored state, and work on students each in a transaction of its own. */
public final class Students {

    private static final Logger LOG = Logger.getLogger(Students.class);

    private Students() {}

    /** An account of the enrolment (it has a student number); any other account is not the pack's to manage. */
    public static boolean isStudent(UserModel user) {
        return user != null && user.getFirstAttribute(EntAttributes.STUDENT_NUMBER) != null;
    }

    /** The state stored on the account ({@code PENDING} when none). */
    public static AccountState state(UserModel user) {
        return AccountState.parse(user.getFirstAttribute(EntAttributes.ACCOUNT_STATE))
                .orElse(AccountState.PENDING);
    }

    /**
     * Changes a student in a transaction of its own, committed when this returns (before, say, an email that depends
     * on it leaves). Does nothing when the account is gone.
     */
    public static void inOwnTransaction(
            KeycloakSession session, String realmId, String userId, Consumer<UserModel> change) {
        withStudent(session, realmId, userId, (own, realm, user) -> change.accept(user));
    }

    /** What a scheduled run does for one student, in the student's own transaction. */
    @FunctionalInterface
    public interface StudentWork {
        void run(KeycloakSession session, RealmModel realm, UserModel student);
    }

    /**
     * Runs {@code work} for each student of {@code userIds}, each in a transaction of its own, committed when that
     * student is done. One student's failure is logged (its kind, never its message) and the others go on; and no
     * student's run holds rows that another one's transactions must write (a single transaction for a whole run,
     * flushed halfway, would, and wait on itself).
     *
     * @param what what is done, for the log
     */
    public static void forEachStudent(
            KeycloakSession session, RealmModel realm, List<String> userIds, String what, StudentWork work) {
        String realmId = realm.getId();
        for (String userId : userIds) {
            try {
                withStudent(session, realmId, userId, work);
            } catch (RuntimeException e) {
                LOG.errorf(
                        "ENT: %s failed for account %s of realm %s, the others go on (%s)",
                        what, userId, realm.getName(), LogSafe.describe(e));
            }
        }
    }

    /** Runs {@code work} on the account in a session and transaction of its own; nothing when the account is gone. */
    private static void withStudent(KeycloakSession session, String realmId, String userId, StudentWork work) {
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
            RealmModel realm = own.realms().getRealm(realmId);
            if (realm == null) {
                return;
            }
            own.getContext().setRealm(realm);
            UserModel user = own.users().getUserById(realm, userId);
            if (user != null) {
                work.run(own, realm, user);
            }
        });
    }
}
