package fr.ent.keycloak.activation;

import fr.ent.keycloak.activation.afteraccess.AlumniChoices;
import fr.ent.keycloak.activation.core.AssistanceCode;
import fr.ent.keycloak.activation.core.ExpiryWindow;
import fr.ent.keycloak.activation.firstconnection.AssistanceCodes;
import fr.ent.keycloak.activation.firstconnection.FirstConnectionJob;
import fr.ent.keycloak.activation.internals.KeycloakInternals;
import fr.ent.keycloak.activation.mail.CountedMail;
import fr.ent.keycloak.activation.mail.KeycloakMailGate;
import fr.ent.keycloak.activation.schedule.LifecycleMailTask;
import fr.ent.keycloak.activation.settings.ActivationSettings;
import fr.ent.keycloak.activation.settings.FirstConnectionSettings;
import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.support.ClusterLimiter;
import fr.ent.keycloak.support.SlotLimiter;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.LoginActionsService;

/**
 * The activation module's public API for the helpdesk (the assistance console, its own jar): what an operator may
 * have done for a student goes through the module that owns the student's mails, links, codes and limits, so it obeys
 * the same lifecycle and counts in the same quotas. Nothing here decides whether an action is allowed: the console's
 * action table does, before it calls.
 */
public final class ForHelpdesk {

    /** How a mail asked by the helpdesk ended. */
    public enum Mailed {
        SENT,
        /** The student's daily email quota is used up: nothing sent. */
        THROTTLED,
        /** The SMTP server refused or failed: nothing sent. */
        FAILED
    }

    /**
     * An assistance code just issued, to show the operator once.
     *
     * @param shown the code as the student types it (ABCD-EFGH)
     */
    public record Code(String shown, Instant expiresAt, long minutes) {}

    /** When the automatic activation email went out (ISO instant): the card and the dashboard read it. */
    public static final String MAIL_SENT_AT = EntAttributes.ACTIVATION_MAIL_SENT_AT;

    /** How many times the automatic activation email failed in a row (present while it fails). */
    public static final String MAIL_FAILURES = LifecycleMailTask.FAILURES;

    private ForHelpdesk() {}

    /** A new activation link to the personal address on record, voiding the older ones; counted in the quota. */
    public static Mailed sendActivationLink(KeycloakSession session, RealmModel realm, UserModel student, URI base) {
        return mailed(CountedMail.activationLink(session, realm, student, base, "the helpdesk's activation link"));
    }

    /** A new assistance code for the student, voiding the former one; null when the day's codes are used up. */
    public static Code issueCode(KeycloakSession session, RealmModel realm, UserModel student) {
        AssistanceCodes.Issued issued = AssistanceCodes.issue(session, realm, student);
        return issued == null
                ? null
                : new Code(
                        AssistanceCode.display(issued.code()), issued.expiresAt(), AssistanceCode.LIFESPAN.toMinutes());
    }

    /**
     * Keycloak's "update password" email, as the admin console sends it ("Send email" with the action Update
     * Password), through the pack's email provider, which counts it in the student's quota.
     */
    public static Mailed sendPasswordLink(KeycloakSession session, RealmModel realm, UserModel student) {
        int lifespan = realm.getActionTokenGeneratedByAdminLifespan();
        ExecuteActionsActionToken token = new ExecuteActionsActionToken(
                student.getId(),
                student.getEmail(),
                Time.currentTime() + lifespan,
                List.of(UserModel.RequiredAction.UPDATE_PASSWORD.name()),
                null,
                Constants.ACCOUNT_CONSOLE_CLIENT_ID);
        String link = LoginActionsService.actionTokenProcessor(
                        session.getContext().getUri())
                .queryParam(
                        "key",
                        token.serialize(session, realm, session.getContext().getUri()))
                .queryParam(Constants.CLIENT_ID, Constants.ACCOUNT_CONSOLE_CLIENT_ID)
                .build(realm.getName())
                .toString();
        try {
            session.getProvider(EmailTemplateProvider.class)
                    .setAttribute(Constants.TEMPLATE_ATTR_REQUIRED_ACTIONS, token.getRequiredActions())
                    .setRealm(realm)
                    .setUser(student)
                    .sendExecuteActions(link, TimeUnit.SECONDS.toMinutes(lifespan));
            return Mailed.SENT;
        } catch (KeycloakMailGate.QuotaReached e) {
            return Mailed.THROTTLED;
        } catch (EmailException e) {
            return Mailed.FAILED;
        }
    }

    /**
     * The "1ère connexion" failures and the emails of the last 24 hours, counted again from zero (every slot the
     * limits in force look at).
     */
    public static void clearLimits(KeycloakSession session, RealmModel realm, UserModel student) {
        SlotLimiter limiter = ClusterLimiter.of(session);
        limiter.clear(
                FirstConnectionJob.failureKey(realm, student),
                FirstConnectionSettings.of(realm).maxFailures());
        limiter.clear(CountedMail.quotaKey(realm, student), CountedMail.perDay(realm));
    }

    /** What the card shows of the alumni choice (empty values when there is none). */
    public static Map<String, String> alumniCard(UserModel student, ZoneId zone) {
        return AlumniChoices.card(student, zone);
    }

    /** How to reach the helpdesk, as pages and emails say it. */
    public static String helpdesk(RealmModel realm) {
        return ActivationSettings.of(realm).helpdesk();
    }

    /**
     * Students whose access ends within {@code days} days of {@code now}: their last academic year ends then, or the
     * alumni extension they chose.
     */
    public static long endingWithin(
            KeycloakSession session, RealmModel realm, AcademicCalendar calendar, Instant now, int days) {
        Integer year = ExpiryWindow.endingYear(calendar, now, days);
        if (year == null) {
            return 0;
        }
        return KeycloakInternals.countEnding(session, realm, year, calendar.lastDay(calendar.expiresAt(year)));
    }

    private static Mailed mailed(CountedMail.Outcome sent) {
        return switch (sent) {
            case SENT -> Mailed.SENT;
            case THROTTLED -> Mailed.THROTTLED;
            case FAILED -> Mailed.FAILED;
        };
    }
}
