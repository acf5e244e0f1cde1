package fr.ent.keycloak.activation.journey;

import fr.ent.keycloak.activation.mail.CountedMail;
import fr.ent.keycloak.activation.mail.StudentMails;
import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentLifecycle;
import fr.ent.keycloak.support.RealmLifecycle;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The last page: what the student chose, and the button that activates the account. Only here is anything written:
 * the charter version and time, the forwarding address, the state {@code ACTIVE}, the personal address counted as
 * verified; then a confirmation email goes out and the student lands on the portal.
 */
final class SummaryStep implements RequiredActionProvider {

    private static final Logger LOG = Logger.getLogger(SummaryStep.class);

    /** A used activation link, in the cluster's single-use store until it would have expired. */
    private static final String USED = "ent-activation-used:";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String forwarding = authSession.getAuthNote(Journey.NOTE_FORWARDING);
        context.challenge(context.form()
                .setAttribute("entUsername", context.getUser().getUsername())
                .setAttribute("entForwardingAddress", forwarding == null ? "" : forwarding)
                .setAttribute(
                        "entCharterVersion", String.valueOf(authSession.getAuthNote(Journey.NOTE_CHARTER_VERSION)))
                .createForm("ent-activation-summary.ftl"));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = context.getUser();
        if (!Journey.inProgress(authSession)) {
            context.success();
            return;
        }
        String version = authSession.getAuthNote(Journey.NOTE_CHARTER_VERSION);
        String acceptedAt = authSession.getAuthNote(Journey.NOTE_CHARTER_ACCEPTED_AT);
        String forwarding = authSession.getAuthNote(Journey.NOTE_FORWARDING);
        if (version == null || acceptedAt == null || forwarding == null || !PasswordStep.chosen(authSession)) {
            context.getEvent().detail("ent_step", "incomplete").error("ent_activation_incomplete");
            context.challenge(
                    context.form().setError("entActivationIncomplete").createErrorPage(Response.Status.BAD_REQUEST));
            return;
        }
        if (!linkStillValid(context, authSession, user)) {
            return;
        }
        PasswordStep.store(context.getSession(), context.getRealm(), user, authSession);
        user.setSingleAttribute(EntAttributes.CHARTER_VERSION, version);
        user.setSingleAttribute(EntAttributes.CHARTER_ACCEPTED_AT, acceptedAt);
        if (forwarding.isEmpty()) {
            user.removeAttribute(EntAttributes.MAIL_FORWARDING_ADDRESS);
        } else {
            user.setSingleAttribute(EntAttributes.MAIL_FORWARDING_ADDRESS, forwarding);
        }
        user.setSingleAttribute(EntAttributes.ACCOUNT_STATE, AccountState.ACTIVE.name());
        String personal = user.getFirstAttribute(EntAttributes.PERSONAL_EMAIL);
        if (personal != null && personal.equalsIgnoreCase(user.getEmail())) {
            user.setEmailVerified(true);
        }
        user.removeAttribute(EntAttributes.ACTIVATION_LINK_ID);
        authSession.removeAuthNote(Journey.NOTE_ACTIVATION);
        context.getEvent().detail("ent_step", "activated");
        try {
            StudentMails.sendActivated(context.getSession(), context.getRealm(), user);
        } catch (RuntimeException | EmailException e) {
            LOG.warnf(
                    "ENT activation: student %s is active, but the confirmation email could not be sent (%s)",
                    user.getFirstAttribute(EntAttributes.STUDENT_NUMBER), CountedMail.describe(e));
        }
        context.success();
    }

    /**
     * Checks again, at the moment the account is activated, what opening the link checked: the link is still the
     * latest, mailed to the address on record, not expired, and the lifecycle lets the student activate (not already
     * active: a journey left open in another browser). Then uses the link up, atomically across the cluster: of N
     * journeys opened from one link, one ends.
     */
    private static boolean linkStillValid(
            RequiredActionContext context, AuthenticationSessionModel authSession, UserModel user) {
        String nonce = authSession.getAuthNote(Journey.NOTE_LINK_ID);
        long expires = expires(authSession.getAuthNote(Journey.NOTE_LINK_EXPIRES));
        long now = Time.currentTime();
        String refusal = null;
        StudentLifecycle.Standing standing = RealmLifecycle.standing(context.getRealm(), user);
        if (standing.state() == AccountState.ACTIVE) {
            // a journey left open elsewhere, after another one finished
            refusal = ActivationActionTokenHandler.ALREADY_ACTIVE;
        } else if (!standing.mayActivate()
                || !Journey.isLatestLink(user, nonce, authSession.getAuthNote(Journey.NOTE_LINK_ADDRESS))) {
            refusal = ActivationActionTokenHandler.LINK_REPLACED;
        } else if (expires <= now) {
            refusal = "entActivationLinkInvalid";
        } else if (!context.getSession()
                .singleUseObjects()
                .putIfAbsent(USED + context.getRealm().getId() + ':' + nonce, Math.max(60, expires - now))) {
            refusal = ActivationActionTokenHandler.ALREADY_ACTIVE;
        }
        if (refusal == null) {
            return true;
        }
        authSession.removeAuthNote(Journey.NOTE_ACTIVATION);
        authSession.removeAuthNote(PasswordStep.NOTE_PASSWORD_DATA);
        authSession.removeAuthNote(PasswordStep.NOTE_PASSWORD_SECRET);
        context.getEvent().detail("ent_step", "link_refused_at_summary").error("ent_activation_link_refused");
        context.challenge(context.form().setError(refusal).createErrorPage(Response.Status.BAD_REQUEST));
        return false;
    }

    private static long expires(String note) {
        try {
            return note == null ? 0 : Long.parseLong(note);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {}

    /** {@value Journey#SUMMARY}. */
    public static final class Factory extends StepFactory {
        public Factory() {
            super(Journey.SUMMARY, "ENT : récapitulatif de l’activation / activation summary", new SummaryStep());
        }
    }
}
