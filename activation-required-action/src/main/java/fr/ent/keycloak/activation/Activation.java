package fr.ent.keycloak.activation;

import fr.ent.keycloak.activation.core.SlotLimiter;
import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.LogSafe;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The activation journey: its steps (required actions, run in the realm's priority order), what each step keeps
 * until the last one, and the attributes it records. Nothing is written on the student before the last step: a journey
 * interrupted anywhere leaves the account as it was, and starts again from a valid link.
 */
final class Activation {

    static final String START = "ent-activation-start";
    static final String CHARTER = "ent-accept-charter";
    static final String PASSWORD = "ent-choose-password";
    static final String FORWARDING = "ent-mail-forwarding";
    static final String SUMMARY = "ent-activation-summary";

    /** The steps, in the order the realm runs them (priorities 2, 5, 30, 60, 70 in the realm the pack ships). */
    static final List<String> STEPS = List.of(START, CHARTER, PASSWORD, FORWARDING, SUMMARY);

    /** Authentication-session notes: this session is an activation, and the choices made so far. */
    static final String NOTE_ACTIVATION = "ent.activation";

    static final String NOTE_CHARTER_VERSION = "ent.activation.charterVersion";
    static final String NOTE_CHARTER_ACCEPTED_AT = "ent.activation.charterAcceptedAt";
    static final String NOTE_FORWARDING = "ent.activation.forwarding";
    /** The forwarding step's note when the student chose not to forward. */
    static final String NO_FORWARDING = "";

    /** The link a journey runs on: its nonce, the address it was mailed to, its expiry (epoch seconds). */
    static final String NOTE_LINK_ID = "ent.activation.linkId";

    static final String NOTE_LINK_ADDRESS = "ent.activation.linkAddress";
    static final String NOTE_LINK_EXPIRES = "ent.activation.linkExpires";

    /** The nonce of the latest activation link: any other link of this student is void. */
    static final String LINK_ID = EntAttributes.ACTIVATION_LINK_ID;
    /** When the automatic activation email went out (ISO instant): it goes once. */
    static final String MAIL_SENT_AT = "entActivationMailSentAt";

    private static final Logger LOG = Logger.getLogger(Activation.class);

    private Activation() {}

    /** Whether the realm runs the activation journey (its first step is enabled): the pack's pages answer there only. */
    static boolean enabledIn(RealmModel realm) {
        RequiredActionProviderModel start = realm.getRequiredActionProviderByAlias(START);
        return start != null && start.isEnabled();
    }

    static boolean isStudent(UserModel user) {
        return user != null && user.getFirstAttribute(EntAttributes.STUDENT_NUMBER) != null;
    }

    static AccountState state(UserModel user) {
        return AccountState.parse(user.getFirstAttribute(EntAttributes.ACCOUNT_STATE))
                .orElse(AccountState.PENDING);
    }

    /**
     * Whether a link is the student's latest one and was mailed to the personal address on record now: a link mailed
     * before the enrolment record changed the address opens nothing.
     */
    static boolean isLatestLink(UserModel user, String nonce, String mailedTo) {
        String personal = user.getFirstAttribute(EntAttributes.PERSONAL_EMAIL);
        return nonce != null
                && nonce.equals(user.getFirstAttribute(LINK_ID))
                && mailedTo != null
                && personal != null
                && mailedTo.trim().equalsIgnoreCase(personal.trim());
    }

    static boolean inProgress(AuthenticationSessionModel authSession) {
        return authSession != null && "true".equals(authSession.getAuthNote(NOTE_ACTIVATION));
    }

    /**
     * Changes a student in a transaction of its own, committed when this returns (before, say, an email that depends
     * on it leaves). Does nothing when the account is gone.
     */
    static void inOwnTransaction(
            KeycloakSession session, String realmId, String userId, java.util.function.Consumer<UserModel> change) {
        withStudent(session, realmId, userId, (own, realm, user) -> change.accept(user));
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

    /** What a scheduled run does for one student, in the student's own transaction. */
    @FunctionalInterface
    interface StudentWork {
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
    static void forEachStudent(
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

    /**
     * The cluster-wide counters of the pack (emails per student, "1ère connexion" limits), in Keycloak's single-use
     * object store.
     */
    static SlotLimiter limiter(KeycloakSession session) {
        return new SlotLimiter(new SlotLimiter.SlotStore() {
            @Override
            public boolean putIfAbsent(String key, long lifespanSeconds) {
                return session.singleUseObjects().putIfAbsent(key, lifespanSeconds);
            }

            @Override
            public boolean contains(String key) {
                return session.singleUseObjects().contains(key);
            }

            @Override
            public void remove(String key) {
                session.singleUseObjects().remove(key);
            }
        });
    }

    /** Puts every step on the authentication session; the realm's priorities order them. */
    static void begin(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(NOTE_ACTIVATION, "true");
        STEPS.forEach(authSession::addRequiredAction);
    }
}
