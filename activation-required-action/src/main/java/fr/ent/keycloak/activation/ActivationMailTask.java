package fr.ent.keycloak.activation;

import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
        @SuppressWarnings("unchecked")
        List<Object> ids = session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createNativeQuery(DUE)
                .setParameter("state", EntAttributes.ACCOUNT_STATE)
                .setParameter("paid", EntAttributes.FEE_PAID_AT)
                .setParameter("sent", Activation.MAIL_SENT_AT)
                .setParameter("realm", realm.getId())
                .setParameter("enabled", true)
                .setMaxResults(PER_RUN)
                .getResultList();
        Instant now = clock.instant();
        LOG.debugf("ENT activation: %d student(s) of realm %s paid and were never mailed", ids.size(), realm.getName());
        for (Object id : ids) {
            UserModel user = session.users().getUserById(realm, id.toString());
            if (user == null || !isActivatable(user, now)) {
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
