package fr.ent.keycloak.activation.mail;

import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.InvalidSettingException;
import fr.ent.keycloak.common.LifecycleSettings;
import fr.ent.keycloak.common.LogSafe;
import fr.ent.keycloak.common.StudentLifecycle.Guidance;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import fr.ent.keycloak.support.ClusterLimiter;
import fr.ent.keycloak.support.ConsoleSettings;
import fr.ent.keycloak.support.SlotLimiter;
import java.net.URI;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Every email that a request can make the pack or Keycloak send to a student — an activation link (automatic,
 * "1ère connexion", helpdesk), the guidance of "1ère connexion" and of "forgot password", a password-reset or
 * execute-actions link — goes through {@link #counted}: at most {@code entStudentMailsPerDay} (3) per student in any
 * 24 hours, every path and every node together (Keycloak's single-use object store). A send that fails gives its slot
 * back, so an SMTP outage does not use up the student's quota. Notifications that answer the student's own completed
 * action (activation finished, password changed), the yearly expiry warning and the alumni choice's offer (once per end
 * of access, asked of the lifecycle by {@code AlumniChoices}) are not counted.
 */
public final class CountedMail {

    /** How a counted email ended. */
    public enum Outcome {
        SENT,
        /** The student's quota for the last 24 hours is used up: nothing sent. */
        THROTTLED,
        /** The SMTP server or the template failed: nothing sent, the slot given back. */
        FAILED
    }

    /** One email, sent by {@link #counted}. */
    @FunctionalInterface
    public interface Mail {
        void send() throws EmailException;
    }

    static final long DAY_SECONDS = 24 * 3600;

    private static final Logger LOG = Logger.getLogger(CountedMail.class);

    private CountedMail() {}

    /**
     * Sends {@code mail} if the student's quota allows it.
     *
     * @param what what is sent, for the log (never an address)
     */
    public static Outcome counted(KeycloakSession session, RealmModel realm, UserModel user, String what, Mail mail) {
        int perDay = perDay(realm);
        if (perDay == 0) {
            return Outcome.FAILED;
        }
        SlotLimiter.Slot slot = ClusterLimiter.of(session).acquire(quotaKey(realm, user), perDay, DAY_SECONDS);
        String number = user.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
        if (slot == null) {
            LOG.infof("ENT: %s not sent to student %s: %d emails in the last 24 hours", what, number, perDay);
            return Outcome.THROTTLED;
        }
        try {
            mail.send();
            return Outcome.SENT;
        } catch (EmailException | RuntimeException e) {
            slot.release();
            // the exception's message may name the recipient: only its kind goes to the log
            LOG.warnf("ENT: %s to student %s could not be sent (%s)", what, number, describe(e));
            return Outcome.FAILED;
        }
    }

    /**
     * The realm's emails per student per 24 hours; 0 (nothing is mailed, and the error logged) while the setting is
     * wrong.
     */
    public static int perDay(RealmModel realm) {
        try {
            return LifecycleSettings.read(ConsoleSettings.of(realm)).studentMailsPerDay();
        } catch (InvalidSettingException e) {
            LOG.errorf(
                    "ENT: realm %s: %s; nothing is mailed to students until it is corrected",
                    realm.getName(), e.getMessage());
            return 0;
        }
    }

    /** The key of a student's emails in the cluster's counters ({@link fr.ent.keycloak.support.ClusterLimiter}). */
    public static String quotaKey(RealmModel realm, UserModel user) {
        return "ent-mail:" + realm.getId() + ':' + user.getId();
    }

    /** What failed, without the message (SMTP refusals quote the recipient's address). */
    public static String describe(Throwable e) {
        return LogSafe.describe(e);
    }

    /**
     * A new activation link to the personal address on record (voiding the older ones), counted in the student's
     * quota: what every path that sends one does (the automatic email, the helpdesk, the admin REST API).
     *
     * @param what what is sent, for the log
     */
    public static Outcome activationLink(
            KeycloakSession session, RealmModel realm, UserModel student, URI baseUri, String what) {
        return counted(session, realm, student, what, () -> StudentMails.sendLink(session, realm, student, baseUri));
    }

    /**
     * The guidance for a student who asked for help signing in ("1ère connexion", "forgot password"), as the
     * lifecycle decides it; not counted here.
     */
    public static Mail guidance(
            KeycloakSession session, RealmModel realm, UserModel user, Standing standing, URI baseUri) {
        Guidance guidance = standing.guidance();
        return switch (guidance) {
            case ACTIVATION_LINK -> () -> StudentMails.sendLink(session, realm, user, baseUri);
            case READY_AT -> () -> StudentMails.sendReadyAt(session, realm, user, standing.activatableFrom());
            case UNPAID -> () -> StudentMails.sendUnpaid(session, realm, user);
            case ALREADY_ACTIVE -> () -> StudentMails.sendAlreadyActive(session, realm, user, baseUri);
            case NOTHING -> () -> {};
        };
    }

    /** The name of a guidance in the events ({@code send_link}, {@code send_ready_at}, …), as before the lifecycle. */
    public static String guidanceName(Guidance guidance) {
        return switch (guidance) {
            case ACTIVATION_LINK -> "send_link";
            case READY_AT -> "send_ready_at";
            case UNPAID -> "send_unpaid";
            case ALREADY_ACTIVE -> "send_already_active";
            case NOTHING -> "nothing";
        };
    }
}
