package fr.ent.keycloak.activation.mail;

import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.RealmPages;
import fr.ent.keycloak.support.StatelessFactory;
import fr.ent.keycloak.support.Students;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.email.EmailTemplateProviderFactory;
import org.keycloak.email.freemarker.FreeMarkerEmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Keycloak's own emails with a link, asked of the lifecycle when they go to a student of a realm that runs the
 * activation journey. The one place where Keycloak's flows that mail a student meet the lifecycle's owner:
 *
 * <ul>
 *   <li><b>forgot password</b> (the reset-credentials flow): an active student gets Keycloak's reset link; any other
 *       student gets the guidance of "1ère connexion" instead (ready at HH:MM, fee not paid, a new activation link),
 *       and the page that follows is the same in every case, so it reveals nothing. A reset link never reaches a
 *       student who is not active, so it can never run the activation;</li>
 *   <li><b>"send an email with actions"</b> (admin console, {@code execute-actions-email}) and <b>verify email</b>:
 *       refused for a student who is not active, with a message that says to send an activation link;</li>
 *   <li><b>a Workflow's "notify-user" step</b> (Keycloak's Workflows, on by default since 26.6): sent to an active
 *       student only; for any other, nothing goes and the log says why;</li>
 *   <li>every one of them counts in the student's daily quota of emails ({@link CountedMail}).</li>
 * </ul>
 *
 * Everything else (templates, themes, other emails) is Keycloak's FreeMarker provider, which this one extends. The
 * factory's {@link Factory#order() order} makes it the server's default email template provider without any option.
 * Keycloak internals used: {@code FreeMarkerEmailTemplateProvider} (keycloak-services, not an SPI), checked against
 * 26.7.0 and run on 26.7.3; ForgottenPasswordIT and LifecyclePathsIT fail first if an upgrade changes it.
 */
public final class KeycloakMailGate extends FreeMarkerEmailTemplateProvider {

    static final String ID = "ent-lifecycle-email";

    private static final Logger LOG = Logger.getLogger(KeycloakMailGate.class);

    /** The template of Keycloak's Workflows' "notify-user" step. */
    static final String WORKFLOW_TEMPLATE = "workflow-notification.ftl";

    KeycloakMailGate(KeycloakSession session) {
        super(session);
    }

    private boolean governed() {
        return realm != null && Students.isStudent(user) && RealmPages.enabledIn(realm);
    }

    @Override
    public void sendPasswordReset(String link, long expirationInMinutes) throws EmailException {
        if (!governed()) {
            super.sendPasswordReset(link, expirationInMinutes);
            return;
        }
        Standing standing = RealmLifecycle.standing(realm, user);
        String number = user.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
        if (standing.mayReceiveResetLink()) {
            CountedMail.counted(
                    session,
                    realm,
                    user,
                    "the password-reset link",
                    () -> super.sendPasswordReset(link, expirationInMinutes));
            return;
        }
        if (!standing.guidance().sends()) {
            LOG.infof("ENT: forgot password asked for student %s (%s): nothing to send", number, standing.state());
            return;
        }
        String what = "forgot password " + CountedMail.guidanceName(standing.guidance());
        CountedMail.Outcome outcome = CountedMail.counted(
                session,
                realm,
                user,
                what,
                CountedMail.guidance(
                        session,
                        realm,
                        user,
                        standing,
                        session.getContext().getUri().getBaseUri()));
        LOG.infof("ENT: %s for student %s (%s): %s", what, number, standing.state(), outcome);
    }

    @Override
    public void sendExecuteActions(String link, long expirationInMinutes) throws EmailException {
        if (!governed()) {
            super.sendExecuteActions(link, expirationInMinutes);
            return;
        }
        requireActive("an email with actions");
        requireSent(CountedMail.counted(
                session,
                realm,
                user,
                "an email with actions",
                () -> super.sendExecuteActions(link, expirationInMinutes)));
    }

    @Override
    public void sendVerifyEmail(String link, long expirationInMinutes) throws EmailException {
        if (!governed()) {
            super.sendVerifyEmail(link, expirationInMinutes);
            return;
        }
        requireActive("a verification email");
        requireSent(CountedMail.counted(
                session, realm, user, "a verification email", () -> super.sendVerifyEmail(link, expirationInMinutes)));
    }

    /**
     * A step "notify-user" of Keycloak's Workflows (on by default since Keycloak 26.6; an administrator writes them):
     * to a student, only once active and while the access lasts, counted in the daily quota; otherwise nothing goes
     * and the log says why. The workflow's template tells its mails from Keycloak's others, which come through their
     * own methods above or are not the student's.
     */
    @Override
    public void send(String subjectFormatKey, String bodyTemplate, Map<String, Object> bodyAttributes)
            throws EmailException {
        if (!WORKFLOW_TEMPLATE.equals(bodyTemplate) || !governed()) {
            super.send(subjectFormatKey, bodyTemplate, bodyAttributes);
            return;
        }
        Standing standing = RealmLifecycle.standing(realm, user);
        String number = user.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
        if (!standing.mayReceiveResetLink()) {
            LOG.infof(
                    "ENT: a workflow's notification to student %s not sent: the account is %s, not active",
                    number, standing.state());
            return;
        }
        CountedMail.Outcome outcome = CountedMail.counted(
                session,
                realm,
                user,
                "a workflow's notification",
                () -> super.send(subjectFormatKey, bodyTemplate, bodyAttributes));
        LOG.infof("ENT: a workflow's notification to student %s: %s", number, outcome);
    }

    /** For the operator's paths, which must say why nothing went: the message Keycloak shows in the console. */
    private void requireActive(String what) throws EmailException {
        Standing standing = RealmLifecycle.standing(realm, user);
        if (!standing.mayReceiveResetLink()) {
            throw new EmailException("ENT: this student's account is " + standing.state()
                    + ", not ACTIVE: " + what + " is not sent before activation; send an activation link instead"
                    + " (the student's state must be ACTIVATABLE).");
        }
    }

    private static void requireSent(CountedMail.Outcome outcome) throws EmailException {
        if (outcome == CountedMail.Outcome.THROTTLED) {
            throw new QuotaReached("ENT: this student already received the most emails allowed in 24 hours"
                    + " (realm setting entStudentMailsPerDay); try again later.");
        }
        if (outcome == CountedMail.Outcome.FAILED) {
            throw new EmailException("ENT: the email could not be sent; the server log says why.");
        }
    }

    /** Nothing sent: the student already received the most emails allowed in 24 hours. */
    public static final class QuotaReached extends EmailException {
        private static final long serialVersionUID = 1L;

        QuotaReached(String message) {
            super(message);
        }
    }

    /** Registered through {@code META-INF/services}; the highest order among email template providers. */
    public static final class Factory extends StatelessFactory<EmailTemplateProvider>
            implements EmailTemplateProviderFactory {

        public Factory() {
            super(ID);
        }

        @Override
        public EmailTemplateProvider create(KeycloakSession session) {
            return new KeycloakMailGate(session);
        }

        /** The emails' companion: Keycloak's own SMTP error line no longer quotes a recipient at INFO and above. */
        @Override
        public void postInit(KeycloakSessionFactory factory) {
            SmtpLogRedaction.install();
        }

        /** Above Keycloak's {@code freemarker} (0): the server's default, with no server option to set. */
        @Override
        public int order() {
            return 10;
        }
    }
}
