package fr.ent.keycloak.activation.journey;

import fr.ent.keycloak.common.EntAttributes;
import java.util.List;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The activation journey: its steps (required actions, run in the realm's priority order), what each step keeps
 * until the last one, and the attributes it records. Nothing is written on the student before the last step: a journey
 * interrupted anywhere leaves the account as it was, and starts again from a valid link.
 */
final class Journey {

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

    private Journey() {}

    /**
     * Whether a link is the student's latest one and was mailed to the personal address on record now: a link mailed
     * before the enrolment record changed the address opens nothing.
     */
    static boolean isLatestLink(UserModel user, String nonce, String mailedTo) {
        String personal = user.getFirstAttribute(EntAttributes.PERSONAL_EMAIL);
        return nonce != null
                && nonce.equals(user.getFirstAttribute(EntAttributes.ACTIVATION_LINK_ID))
                && mailedTo != null
                && personal != null
                && mailedTo.trim().equalsIgnoreCase(personal.trim());
    }

    static boolean inProgress(AuthenticationSessionModel authSession) {
        return authSession != null && "true".equals(authSession.getAuthNote(NOTE_ACTIVATION));
    }

    /** Puts every step on the authentication session; the realm's priorities order them. */
    static void begin(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(NOTE_ACTIVATION, "true");
        STEPS.forEach(authSession::addRequiredAction);
    }
}
