package fr.ent.keycloak.activation;

import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import jakarta.persistence.Query;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Sends the activation email by itself, once, to each student who became activatable (15 minutes after the fee was
 * paid). Runs every {@code interval} on one node of the cluster at a time (Keycloak's cluster-aware task runner), in
 * realms where the activation journey is enabled; looks only at students who have paid and were never mailed, at most
 * {@value #PER_RUN} per run.
 */
final class ActivationMailTask implements ScheduledTask {

    static final String NAME = "ent-activation-mails";
    static final int PER_RUN = 500;

    private static final Logger LOG = Logger.getLogger(ActivationMailTask.class);

    /**
     * Students of the realm who paid, are not active, and were never sent the automatic email. Plain SQL on Keycloak's
     * tables, portable across the databases Keycloak supports (no boolean literal).
     */
    private static final String DUE = "SELECT u.ID FROM USER_ENTITY u"
            + " JOIN USER_ATTRIBUTE s ON s.USER_ID = u.ID AND s.NAME = :state AND s.VALUE IN ('PENDING', 'ACTIVATABLE')"
            + " JOIN USER_ATTRIBUTE p ON p.USER_ID = u.ID AND p.NAME = :paid"
            + " WHERE u.REALM_ID = :realm AND u.ENABLED = :enabled"
            + " AND NOT EXISTS (SELECT 1 FROM USER_ATTRIBUTE m WHERE m.USER_ID = u.ID AND m.NAME = :sent)"
            + " ORDER BY u.CREATED_TIMESTAMP";

    private final Clock clock;

    ActivationMailTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String getTaskName() {
        return NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        session.realms().getRealmsStream().filter(Activation::enabledIn).forEach(realm -> {
            session.getContext().setRealm(realm);
            try {
                mailDueStudents(session, realm);
                ExpiryWarnings.mailDue(session, realm, clock.instant());
            } finally {
                session.getContext().setRealm(null);
            }
        });
    }

    private void mailDueStudents(KeycloakSession session, RealmModel realm) {
        URI base = ActivationSettings.publicBaseUri(realm);
        List<UserModel> due = dueStudents(
                session,
                realm,
                DUE,
                Map.of(
                        "state", EntAttributes.ACCOUNT_STATE,
                        "paid", EntAttributes.FEE_PAID_AT,
                        "sent", Activation.MAIL_SENT_AT));
        Instant now = clock.instant();
        LOG.debugf("ENT activation: %d student(s) of realm %s paid and were never mailed", due.size(), realm.getName());
        for (UserModel user : due) {
            if (!isActivatable(user, now)) {
                continue;
            }
            String number = user.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
            if (base == null) {
                LOG.errorf(
                        "ENT activation: cannot mail student %s: set the Frontend URL of realm %s (Realm settings →"
                                + " General), the public address the links point to",
                        number, realm.getName());
                return;
            }
            try {
                user.setSingleAttribute(EntAttributes.ACCOUNT_STATE, AccountState.ACTIVATABLE.name());
                ActivationMailer.sendLink(session, realm, user, base);
                user.setSingleAttribute(Activation.MAIL_SENT_AT, now.toString());
                LOG.infof("ENT activation: activation email sent to student %s", number);
            } catch (Exception e) {
                LOG.warnf(
                        "ENT activation: the activation email of student %s failed (retried at the next run): %s: %s",
                        number, e.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    /**
     * The enabled students of the realm that {@code sql} selects (their ids; parameters {@code :realm} and
     * {@code :enabled} are set here), in the query's order, at most {@value #PER_RUN}.
     */
    static List<UserModel> dueStudents(
            KeycloakSession session, RealmModel realm, String sql, Map<String, Object> parameters) {
        Query query = session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createNativeQuery(sql)
                .setParameter("realm", realm.getId())
                .setParameter("enabled", true)
                .setMaxResults(PER_RUN);
        parameters.forEach(query::setParameter);
        List<UserModel> students = new ArrayList<>();
        for (Object id : query.getResultList()) {
            UserModel user = session.users().getUserById(realm, id.toString());
            if (user != null) {
                students.add(user);
            }
        }
        return students;
    }

    /** Computed from the data and the clock: the stored state may still say PENDING when the 15 minutes just ended. */
    private static boolean isActivatable(UserModel user, Instant now) {
        return AcademicCalendar.defaults()
                        .stateAt(
                                now,
                                user.getFirstAttribute(EntAttributes.LAST_ACADEMIC_YEAR),
                                user.getFirstAttribute(EntAttributes.FEE_PAID_AT),
                                false)
                == AccountState.ACTIVATABLE;
    }
}
