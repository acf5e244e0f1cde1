package fr.ent.keycloak.activation.journey;

import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.PasswordCredentialProvider;
import org.keycloak.credential.PasswordCredentialProviderFactory;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The password step of the journey, on Keycloak's own password page: the realm's password policy applies, as in
 * every other password change. Unlike Keycloak's "Update password", it does not store the password yet: it keeps its
 * hash (computed once, with the realm's hashing settings; never the password itself) on the authentication session,
 * and the summary step stores it with everything else. A journey interrupted here, or a node that dies, leaves the
 * account without a password.
 */
final class PasswordStep implements RequiredActionProvider {

    static final String NOTE_PASSWORD_DATA = "ent.activation.passwordData";
    static final String NOTE_PASSWORD_SECRET = "ent.activation.passwordSecret";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(context.form().createResponse(UserModel.RequiredAction.UPDATE_PASSWORD));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String password = form.getFirst("password-new");
        String confirmation = form.getFirst("password-confirm");
        if (password == null || password.isEmpty()) {
            refuse(context, new FormMessage("password", "missingPasswordMessage"));
            return;
        }
        if (!password.equals(confirmation)) {
            refuse(context, new FormMessage("password-confirm", "notMatchPasswordMessage"));
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        PolicyError error =
                session.getProvider(PasswordPolicyManagerProvider.class).validate(realm, context.getUser(), password);
        if (error != null) {
            context.getEvent().detail("ent_step", "password_refused");
            refuse(context, new FormMessage("password", error.getMessage(), error.getParameters()));
            return;
        }
        PasswordCredentialModel hashed = hash(session, realm, password);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(NOTE_PASSWORD_DATA, hashed.getCredentialData());
        authSession.setAuthNote(NOTE_PASSWORD_SECRET, hashed.getSecretData());
        context.getEvent().detail("ent_step", "password_chosen");
        context.success();
    }

    /** Whether the journey has a password ready to store. */
    static boolean chosen(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(NOTE_PASSWORD_DATA) != null
                && authSession.getAuthNote(NOTE_PASSWORD_SECRET) != null;
    }

    /** Stores the password chosen (replacing any older one, which goes to the password history). */
    static void store(
            KeycloakSession session, RealmModel realm, UserModel user, AuthenticationSessionModel authSession) {
        CredentialModel credential = new CredentialModel();
        credential.setType(PasswordCredentialModel.TYPE);
        credential.setCredentialData(authSession.getAuthNote(NOTE_PASSWORD_DATA));
        credential.setSecretData(authSession.getAuthNote(NOTE_PASSWORD_SECRET));
        credential.setCreatedDate(Time.currentTimeMillis());
        PasswordCredentialProvider passwords = (PasswordCredentialProvider)
                session.getProvider(CredentialProvider.class, PasswordCredentialProviderFactory.PROVIDER_ID);
        passwords.createCredential(realm, user, PasswordCredentialModel.createFromCredentialModel(credential));
        authSession.removeAuthNote(NOTE_PASSWORD_DATA);
        authSession.removeAuthNote(NOTE_PASSWORD_SECRET);
    }

    private static PasswordCredentialModel hash(KeycloakSession session, RealmModel realm, String password) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        String algorithm = policy.getHashAlgorithm();
        PasswordHashProvider hasher = algorithm == null
                ? session.getProvider(PasswordHashProvider.class)
                : session.getProvider(PasswordHashProvider.class, algorithm);
        return hasher.encodedCredential(password, policy.getHashIterations());
    }

    private static void refuse(RequiredActionContext context, FormMessage message) {
        context.challenge(context.form().addError(message).createResponse(UserModel.RequiredAction.UPDATE_PASSWORD));
    }

    @Override
    public void close() {}

    /** {@value Journey#PASSWORD}. */
    public static final class Factory extends StepFactory {
        public Factory() {
            super(Journey.PASSWORD, "ENT : choix du mot de passe / choose a password", new PasswordStep());
        }
    }
}
