package fr.ent.keycloak.password;

import fr.ent.keycloak.password.core.PasswordChecker;
import fr.ent.keycloak.password.core.PasswordRulesConfig;
import fr.ent.keycloak.password.core.PersonalData;
import fr.ent.keycloak.password.core.Violation;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Checks a password against the ENT rules and answers with one message, in the user's language, that lists every
 * rule the password breaks.
 */
final class EntPasswordPolicyProvider implements PasswordPolicyProvider {

    private static final Logger LOG = Logger.getLogger(EntPasswordPolicyProvider.class);

    private final KeycloakSession session;
    private final EntPasswordPolicyProviderFactory factory;

    EntPasswordPolicyProvider(KeycloakSession session, EntPasswordPolicyProviderFactory factory) {
        this.session = session;
        this.factory = factory;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        PasswordRulesConfig config = PolicySettings.of(realm);
        return check(realm, user, password, config, PolicySettings.personalData(user));
    }

    @Override
    public PolicyError validate(String username, String password) {
        RealmModel realm = session.getContext().getRealm();
        PasswordRulesConfig config = realm == null ? PasswordRulesConfig.DEFAULTS : PolicySettings.of(realm);
        PersonalData personal = new PersonalData(username, null, null, null, null, List.of());
        return check(realm, null, password, config, personal);
    }

    private PolicyError check(
            RealmModel realm, UserModel user, String password, PasswordRulesConfig config, PersonalData personal) {
        PasswordChecker checker = factory.checker();
        if (checker == null) {
            LOG.warnf(
                    "Password refused for user %s: the ENT password dictionary is unavailable (%s)",
                    user == null ? "-" : user.getId(), factory.loadFailure());
            return new PasswordMessages(session, realm, user).unavailable();
        }
        List<Violation> violations = checker.check(password, config, personal);
        if (violations.isEmpty()) {
            return null;
        }
        LOG.debugf(
                "Password refused for user %s: %s",
                user == null ? "-" : user.getId(),
                violations.stream().map(Violation::key).toList());
        return new PasswordMessages(session, realm, user).refused(violations);
    }

    @Override
    public Object parseConfig(String value) {
        return factory.parseMinLength(value);
    }

    @Override
    public void close() {}
}
