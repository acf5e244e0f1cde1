package fr.ent.keycloak.password;

import fr.ent.keycloak.support.StatelessFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PasswordPolicyManagerProviderFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Runs the realm's password policies as Keycloak's own manager does, one after the other until one refuses, with one
 * difference: the policies that hash the candidate ({@code passwordHistory}, which hashes it once for each stored
 * password) run last. A password that another rule refuses — above all one longer than the ENT maximum — is never
 * hashed, whatever the order in which an administrator wrote the realm's policy: a 1 MB "password" costs a length check,
 * not a key derivation. Every path that checks a password goes through this manager (activation, forgot password, the
 * account console, the admin's "reset password").
 */
final class OrderedPolicyManager implements PasswordPolicyManagerProvider {

    static final String ID = "ent-ordered";

    /** Policies whose check hashes the candidate password. */
    static final Set<String> HASHING = Set.of("passwordHistory");

    private final KeycloakSession session;

    OrderedPolicyManager(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public PolicyError validate(RealmModel realm, UserModel user, String password) {
        for (PasswordPolicyProvider provider : providers(realm)) {
            PolicyError error = provider.validate(realm, user, password);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    @Override
    public PolicyError validate(String user, String password) {
        RealmModel realm = session.getContext().getRealm();
        for (PasswordPolicyProvider provider : providers(realm)) {
            PolicyError error = provider.validate(user, password);
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /** The realm's policies in the realm's order, the hashing ones moved to the end. */
    private List<PasswordPolicyProvider> providers(RealmModel realm) {
        List<PasswordPolicyProvider> providers = new ArrayList<>();
        PasswordPolicy policy = realm == null ? null : realm.getPasswordPolicy();
        if (policy == null) {
            return providers;
        }
        for (String id : ordered(policy.getPolicies())) {
            PasswordPolicyProvider provider = session.getProvider(PasswordPolicyProvider.class, id);
            if (provider != null) {
                providers.add(provider);
            }
        }
        return providers;
    }

    /** The policy ids, the hashing ones last (kept apart for the unit test of the order). */
    static List<String> ordered(Iterable<String> ids) {
        List<String> first = new ArrayList<>();
        List<String> last = new ArrayList<>();
        for (String id : ids) {
            (HASHING.contains(id) ? last : first).add(id);
        }
        first.addAll(last);
        return first;
    }

    @Override
    public void close() {}

    /** Above Keycloak's {@code default} manager (order 0): the server's default, with no option to set. */
    public static final class Factory extends StatelessFactory<PasswordPolicyManagerProvider>
            implements PasswordPolicyManagerProviderFactory {

        public Factory() {
            super(ID);
        }

        @Override
        public PasswordPolicyManagerProvider create(KeycloakSession session) {
            return new OrderedPolicyManager(session);
        }

        @Override
        public int order() {
            return 10;
        }
    }
}
