package fr.ent.keycloak.password;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/**
 * Registers the ENT password rules under Authentication → Policies → Password policy as {@value #PROVIDER_ID}.
 *
 * <p>Foundation skeleton: the policy is registered and selectable, the rules themselves come with the password policy
 * issue.
 */
public final class EntPasswordPolicyProviderFactory implements PasswordPolicyProviderFactory {

    public static final String PROVIDER_ID = "entPassword";

    private static final EntPasswordPolicyProvider PROVIDER = new EntPasswordPolicyProvider();

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayName() {
        return "ENT password rules";
    }

    @Override
    public String getConfigType() {
        return null;
    }

    @Override
    public String getDefaultConfigValue() {
        return null;
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
    }
}
