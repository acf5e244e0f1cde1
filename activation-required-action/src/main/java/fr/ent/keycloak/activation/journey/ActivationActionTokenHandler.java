package fr.ent.keycloak.activation.journey;

import fr.ent.keycloak.activation.mail.ActivationActionToken;
import fr.ent.keycloak.activation.settings.ActivationSettings;
import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.support.RealmLifecycle;
import jakarta.ws.rs.core.Response;
import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Opens an activation link. Opening it (a GET, which mail scanners also do) only shows the first step, whose button
 * is a POST; the link is used up when the last step is done ({@link #canUseTokenRepeatedly} is false), so a journey
 * interrupted anywhere starts again from the same link while it is valid. A link replaced by a newer one, mailed to an
 * address that is no longer the student's, of a student already active, or of a student whom the lifecycle does not let
 * activate now, is refused with a page that says so; the last step checks the link again and uses it up atomically
 * across the cluster ({@link SummaryStep}). As for every emailed link, Keycloak ends the journey
 * on a confirmation page whose link leads to the portal, where the student signs in with the new password: an
 * emailed link never signs anyone in.
 */
public final class ActivationActionTokenHandler extends AbstractActionTokenHandler<ActivationActionToken> {

    static final String LINK_REPLACED = "entActivationLinkReplaced";
    static final String ALREADY_ACTIVE = "entActivationAlreadyActive";

    public ActivationActionTokenHandler() {
        super(
                ActivationActionToken.TOKEN_TYPE,
                ActivationActionToken.class,
                "entActivationLinkInvalid",
                EventType.EXECUTE_ACTIONS,
                Errors.INVALID_TOKEN);
    }

    @Override
    public Predicate<? super ActivationActionToken>[] getVerifiers(
            ActionTokenContext<ActivationActionToken> tokenContext) {
        return TokenUtils.predicates(
                TokenUtils.checkThat(token -> !isActive(token, tokenContext), Errors.NOT_ALLOWED, ALREADY_ACTIVE),
                TokenUtils.checkThat(token -> isLatestLink(token, tokenContext), Errors.EXPIRED_CODE, LINK_REPLACED),
                TokenUtils.checkThat(token -> mayActivate(token, tokenContext), Errors.NOT_ALLOWED, LINK_REPLACED));
    }

    private static boolean isLatestLink(ActivationActionToken token, ActionTokenContext<?> context) {
        UserModel user = user(token, context);
        return user != null
                && token.getActionVerificationNonce() != null
                && Journey.isLatestLink(user, token.getActionVerificationNonce().toString(), token.getEmail());
    }

    private static boolean isActive(ActivationActionToken token, ActionTokenContext<?> context) {
        UserModel user = user(token, context);
        return user != null && RealmLifecycle.standing(context.getRealm(), user).state() == AccountState.ACTIVE;
    }

    /** The lifecycle's answer now (the link may be older than a payment cancelled or an account closed). */
    private static boolean mayActivate(ActivationActionToken token, ActionTokenContext<?> context) {
        UserModel user = user(token, context);
        return user != null && RealmLifecycle.standing(context.getRealm(), user).mayActivate();
    }

    private static UserModel user(ActivationActionToken token, ActionTokenContext<?> context) {
        return context.getSession().users().getUserById(context.getRealm(), token.getUserId());
    }

    @Override
    public Response handleToken(ActivationActionToken token, ActionTokenContext<ActivationActionToken> tokenContext) {
        KeycloakSession session = tokenContext.getSession();
        RealmModel realm = tokenContext.getRealm();
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();

        Journey.begin(authSession);
        // the link this journey runs on: the last step checks it again and uses it up
        authSession.setAuthNote(
                Journey.NOTE_LINK_ID, token.getActionVerificationNonce().toString());
        authSession.setAuthNote(Journey.NOTE_LINK_ADDRESS, String.valueOf(token.getEmail()));
        authSession.setAuthNote(Journey.NOTE_LINK_EXPIRES, String.valueOf(token.getExp()));
        String portal = ActivationSettings.of(realm).portalUrl();
        if (portal == null) {
            // no portal configured: the account console of the realm
            portal = tokenContext.getUriInfo().getBaseUri().toString().replaceAll("/$", "") + "/realms/"
                    + realm.getName() + "/account/";
        }
        String redirect = RedirectUtils.verifyRedirectUri(session, portal, authSession.getClient());
        if (redirect != null) {
            authSession.setAuthNote(AuthenticationManager.SET_REDIRECT_URI_AFTER_REQUIRED_ACTIONS, "true");
            authSession.setRedirectUri(redirect);
            authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, redirect);
        }
        tokenContext.getEvent().detail("ent_step", "link_opened");

        String next = AuthenticationManager.nextRequiredAction(
                session, authSession, tokenContext.getRequest(), tokenContext.getEvent());
        return AuthenticationManager.redirectToRequiredActions(
                session, realm, authSession, tokenContext.getUriInfo(), next);
    }

    /** Keycloak's default lets an action token be used again; an activation link works once. */
    @Override
    public boolean canUseTokenRepeatedly(
            ActivationActionToken token, ActionTokenContext<ActivationActionToken> tokenContext) {
        return false;
    }
}
