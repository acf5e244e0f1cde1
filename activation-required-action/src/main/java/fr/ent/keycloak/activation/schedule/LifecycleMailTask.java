package fr.ent.keycloak.activation.schedule;

import fr.ent.keycloak.activation.afteraccess.AlumniChoices;
import fr.ent.keycloak.activation.afteraccess.ExpiryWarnings;
import fr.ent.keycloak.activation.core.RetrySchedule;
import fr.ent.keycloak.activation.internals.KeycloakInternals;
import fr.ent.keycloak.activation.mail.CountedMail;
import fr.ent.keycloak.activation.settings.ActivationSettings;
import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentLifecycle;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.RealmPages;
import fr.ent.keycloak.support.Students;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
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
public final class LifecycleMailTask implements ScheduledTask {

    static final String NAME = "ent-activation-mails";
    static final int PER_RUN = KeycloakInternals.PER_RUN;

    /** Failed attempts of the automatic email, and when it is tried again ({@link RetrySchedule}). */
    public static final String FAILURES = "entActivationMailFailures";

    static final String RETRY_AT = "entActivationMailRetryAt";

    /** A node's claim on mailing one student, in the cluster's single-use store. */
    private static final String CLAIM = "ent-activation-claim:";

    private static final long CLAIM_SECONDS = 15 * 60;

    private static final Logger LOG = Logger.getLogger(LifecycleMailTask.class);

    private final Clock clock;

    LifecycleMailTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String getTaskName() {
        return NAME;
    }

    /** Logged at DEBUG at the end of each run: the tests wait for runs instead of sleeping. */
    static final String RUN_FINISHED = "ENT activation: mail task run finished";

    @Override
    public void run(KeycloakSession session) {
        session.realms().getRealmsStream().filter(RealmPages::enabledIn).forEach(realm -> {
            session.getContext().setRealm(realm);
            try {
                mailDueStudents(session, realm);
                AlumniChoices.mailDue(session, realm, clock.instant());
                ExpiryWarnings.mailDue(session, realm, clock.instant());
            } finally {
                session.getContext().setRealm(null);
            }
        });
        LOG.debug(RUN_FINISHED);
    }

    private void mailDueStudents(KeycloakSession session, RealmModel realm) {
        StudentLifecycle lifecycle = RealmLifecycle.ofOrLogged(realm, "no activation email");
        if (lifecycle == null) {
            return;
        }
        List<String> due = KeycloakInternals.paidAndNeverMailed(session, realm);
        LOG.debugf("ENT activation: %d student(s) of realm %s paid and were never mailed", due.size(), realm.getName());
        if (due.isEmpty()) {
            return;
        }
        URI base = ActivationSettings.publicBaseUriOrLogged(realm, "the activation email", due.size());
        if (base == null) {
            return;
        }
        Instant now = clock.instant();
        Students.forEachStudent(
                session,
                realm,
                due,
                "the activation email",
                (own, ownRealm, user) -> mailOne(own, ownRealm, user, lifecycle, base, now));
    }

    /** One student's automatic email, if the lifecycle says it is due and no other node is sending it. */
    private static void mailOne(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            StudentLifecycle lifecycle,
            URI base,
            Instant now) {
        if (!RealmLifecycle.standing(lifecycle, user, now).mayReceiveActivationLink()
                || !RetrySchedule.due(AcademicCalendar.parseInstant(user.getFirstAttribute(RETRY_AT)), now)) {
            return;
        }
        // one node mails a student: the claim outlives one send, whatever the length of this run
        String claim = CLAIM + realm.getId() + ':' + user.getId();
        if (!session.singleUseObjects().putIfAbsent(claim, CLAIM_SECONDS)) {
            return;
        }
        CountedMail.Outcome outcome = CountedMail.activationLink(session, realm, user, base, "the activation email");
        recordOutcome(session, realm, user.getId(), outcome, now);
        if (outcome == CountedMail.Outcome.SENT) {
            LOG.infof(
                    "ENT activation: activation email sent to student %s",
                    user.getFirstAttribute(EntAttributes.STUDENT_NUMBER));
        } else if (outcome == CountedMail.Outcome.FAILED) {
            // tried again after a back-off, by whichever node runs then
            session.singleUseObjects().remove(claim);
        }
    }

    /** What the run did for one student, committed at once (not at the end of a run that may be long). */
    private static void recordOutcome(
            KeycloakSession session, RealmModel realm, String userId, CountedMail.Outcome outcome, Instant now) {
        if (outcome == CountedMail.Outcome.THROTTLED) {
            return;
        }
        Students.inOwnTransaction(session, realm.getId(), userId, user -> {
            if (outcome == CountedMail.Outcome.SENT) {
                // MAIL_SENT_AT: recorded by the send itself, whatever the path
                user.removeAttribute(FAILURES);
                user.removeAttribute(RETRY_AT);
            } else if (RealmLifecycle.standing(realm, user).mayActivate()) {
                // (a student who activated meanwhile was not mailed, and has nothing to retry)
                int failures = failures(user.getFirstAttribute(FAILURES)) + 1;
                user.setSingleAttribute(FAILURES, Integer.toString(failures));
                user.setSingleAttribute(
                        RETRY_AT, RetrySchedule.nextAttempt(failures, now).toString());
            }
        });
    }

    private static int failures(String stored) {
        try {
            return stored == null ? 0 : Math.max(0, Integer.parseInt(stored.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
