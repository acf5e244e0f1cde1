package fr.ent.keycloak.assistance;

import fr.ent.keycloak.activation.ForHelpdesk;
import fr.ent.keycloak.assistance.core.AssistanceAction;
import fr.ent.keycloak.common.EntAttributes;
import java.net.URI;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Carries out the assistance console's actions ({@link AssistanceAction}, which the lifecycle allowed) and records
 * each one as an admin event: the operator (user, client, address), the student's account, the action, its outcome
 * and the reason the operator typed. The reason goes to the event only, never to the server log (an operator may
 * write personal details in it). Keycloak internals used here are listed in {@link KeycloakInternals}.
 */
final class AssistanceActions {

    /** How an action ended, for the operator's message and the event. */
    enum Outcome {
        DONE,
        /** The student's daily email quota is used up: nothing sent. */
        THROTTLED,
        /** The SMTP server refused or failed: nothing sent. */
        FAILED
    }

    /** How an action ended, and the code it issued (shown once to the operator, recorded nowhere). */
    record Result(Outcome outcome, ForHelpdesk.Code code) {}

    /** The admin event's details (Realm settings → Events → Admin events). */
    static final String DETAIL_ACTION = "entAction";

    static final String DETAIL_REASON = "entReason";
    static final String DETAIL_OUTCOME = "entOutcome";
    static final String DETAIL_STUDENT_NUMBER = "entStudentNumber";

    private static final Logger LOG = Logger.getLogger(AssistanceActions.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    AssistanceActions(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /**
     * Does {@code action} for {@code student} (allowed by the lifecycle: the caller checked) and records it.
     *
     * @param operator the signed-in operator, and the token of their sign-in
     */
    Result perform(AssistanceAction action, UserModel student, UserModel operator, AccessToken token, String reason) {
        ForHelpdesk.Code code = null;
        Outcome outcome;
        switch (action) {
            case NEW_LINK -> outcome = mailed(ForHelpdesk.sendActivationLink(session, realm, student, baseUri()));
            case ISSUE_CODE -> {
                code = ForHelpdesk.issueCode(session, realm, student);
                outcome = code == null ? Outcome.THROTTLED : Outcome.DONE;
            }
            case RESET_LINK -> outcome = mailed(ForHelpdesk.sendPasswordLink(session, realm, student));
            case CLEAR_LIMITS -> {
                ForHelpdesk.clearLimits(session, realm, student);
                outcome = Outcome.DONE;
            }
            case SIGN_OUT -> outcome = signOut(student);
            default -> throw new IllegalArgumentException(action.name());
        }
        String number = student.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
        new AdminEventBuilder(
                        realm,
                        new AdminAuth(realm, token, operator, realm.getClientByClientId(AssistanceResource.CLIENT)),
                        session,
                        session.getContext().getConnection())
                .operation(OperationType.ACTION)
                .resource(ResourceType.USER)
                .resourcePath("users", student.getId())
                .detail(DETAIL_ACTION, action.slug())
                .detail(DETAIL_OUTCOME, outcome.name())
                .detail(DETAIL_STUDENT_NUMBER, number)
                .detail(DETAIL_REASON, reason)
                .success();
        LOG.infof(
                "ENT assistance: operator %s: %s for student %s: %s",
                operator.getUsername(), action.slug(), number, outcome);
        return new Result(outcome, code);
    }

    private static Outcome mailed(ForHelpdesk.Mailed sent) {
        return switch (sent) {
            case SENT -> Outcome.DONE;
            case THROTTLED -> Outcome.THROTTLED;
            case FAILED -> Outcome.FAILED;
        };
    }

    /**
     * Every session ended: tokens issued before now refused, browser sessions ended with back-channel logout to the
     * services that take it, offline sessions revoked.
     */
    private Outcome signOut(UserModel student) {
        session.users().setNotBeforeForUser(realm, student, Time.currentTime());
        List<UserSessionModel> online =
                session.sessions().getUserSessionsStream(realm, student).toList();
        for (UserSessionModel userSession : online) {
            AuthenticationManager.backchannelLogout(
                    session,
                    realm,
                    userSession,
                    session.getContext().getUri(),
                    session.getContext().getConnection(),
                    session.getContext().getRequestHeaders(),
                    true);
        }
        UserSessionManager sessions = new UserSessionManager(session);
        sessions.findOfflineSessionsStream(realm, student).toList().forEach(sessions::revokeOfflineUserSession);
        return Outcome.DONE;
    }

    private URI baseUri() {
        return session.getContext().getUri().getBaseUri();
    }
}
