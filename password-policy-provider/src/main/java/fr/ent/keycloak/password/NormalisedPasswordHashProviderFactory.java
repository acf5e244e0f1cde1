package fr.ent.keycloak.password;

import fr.ent.keycloak.password.core.PasswordText;
import org.keycloak.Config;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.credential.hash.PasswordHashProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.dto.PasswordCredentialData;
import org.keycloak.models.credential.dto.PasswordSecretData;

/**
 * Password hashing {@value #PROVIDER_ID}: Keycloak's own algorithm ({@code argon2} by default, the SPI option
 * {@code delegate} names another, such as {@code pbkdf2-sha512} in FIPS mode) applied to the password in its NFKC form
 * ({@link PasswordText}), so that the same password typed on any keyboard signs in. It is every path's: the journey's
 * password, "Mot de passe oublié", the helpdesk's link, an administrator's reset, the account console and every sign-in
 * go through the realm's hashing.
 *
 * <p>Its order puts it first, so it is the server's default hashing where a realm's password policy names no
 * {@code hashAlgorithm} (the pack's realm names none). Passwords hashed before keep working: their credential names
 * Keycloak's algorithm, which checks them as before, and Keycloak hashes them again with this one at the next correct
 * sign-in (the policy's algorithm differs).
 */
public final class NormalisedPasswordHashProviderFactory implements PasswordHashProviderFactory {

    public static final String PROVIDER_ID = "ent-nfkc";

    private String delegate = "argon2";

    @Override
    public PasswordHashProvider create(KeycloakSession session) {
        return new Normalised(session, delegate);
    }

    @Override
    public void init(Config.Scope config) {
        delegate = config.get("delegate", delegate);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(PasswordHashProvider.class, delegate) == null) {
            throw new IllegalStateException("ENT password hashing: Keycloak has no password hashing named " + delegate
                    + " (SPI option spi-password-hashing--" + PROVIDER_ID + "--delegate)");
        }
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** Above Keycloak's argon2 (300) and pbkdf2 (200): the server's default hashing. */
    @Override
    public int order() {
        return 400;
    }

    /**
     * Keycloak's hashing applied to the normalised password; the credential names this algorithm, and the one it was
     * hashed with underneath (so a credential stays checkable after the {@code delegate} option changes).
     */
    private static final class Normalised implements PasswordHashProvider {

        private final KeycloakSession session;
        private final String delegate;

        Normalised(KeycloakSession session, String delegate) {
            this.session = session;
            this.delegate = delegate;
        }

        /** The hashing a credential was made with underneath (the configured one for a new credential). */
        private PasswordHashProvider underneath(String algorithm) {
            PasswordHashProvider provider = session.getProvider(PasswordHashProvider.class, algorithm);
            if (provider == null) {
                throw new IllegalStateException(
                        "ENT password hashing: Keycloak has no password hashing named " + algorithm);
            }
            return provider;
        }

        @Override
        public boolean policyCheck(PasswordPolicy policy, PasswordCredentialModel credential) {
            String inner = delegateAlgorithm(credential);
            // a credential hashed underneath with another algorithm than the configured one is hashed again
            return PROVIDER_ID.equals(credential.getPasswordCredentialData().getAlgorithm())
                    && delegate.equals(inner)
                    && underneath(inner).policyCheck(policy, withAlgorithm(credential, inner));
        }

        @Override
        public PasswordCredentialModel encodedCredential(String rawPassword, int iterations) {
            return withAlgorithm(
                    underneath(delegate).encodedCredential(PasswordText.normalise(rawPassword), iterations),
                    PROVIDER_ID);
        }

        @Override
        public boolean verify(String rawPassword, PasswordCredentialModel credential) {
            String inner = delegateAlgorithm(credential);
            return underneath(inner).verify(PasswordText.normalise(rawPassword), withAlgorithm(credential, inner));
        }

        @Override
        public String credentialHashingStrength(PasswordCredentialModel credential) {
            String inner = delegateAlgorithm(credential);
            return underneath(inner).credentialHashingStrength(withAlgorithm(credential, inner));
        }

        @Override
        public void close() {}

        /** The algorithm the delegate writes (its own id), remembered in the credential's parameters. */
        private static String delegateAlgorithm(PasswordCredentialModel credential) {
            org.keycloak.common.util.MultivaluedHashMap<String, String> parameters =
                    credential.getPasswordCredentialData().getAdditionalParameters();
            String inner = parameters == null ? null : parameters.getFirst(INNER);
            return inner == null ? "argon2" : inner;
        }

        private static PasswordCredentialModel withAlgorithm(PasswordCredentialModel credential, String algorithm) {
            PasswordCredentialData data = credential.getPasswordCredentialData();
            org.keycloak.common.util.MultivaluedHashMap<String, String> parameters =
                    new org.keycloak.common.util.MultivaluedHashMap<>();
            if (data.getAdditionalParameters() != null) {
                parameters.putAll(data.getAdditionalParameters());
            }
            if (PROVIDER_ID.equals(algorithm)) {
                parameters.putSingle(INNER, data.getAlgorithm());
            } else {
                parameters.remove(INNER);
            }
            PasswordSecretData secret = credential.getPasswordSecretData();
            PasswordCredentialModel copy = PasswordCredentialModel.createFromValues(
                    algorithm, secret.getSalt(), data.getHashIterations(), parameters, secret.getValue());
            copy.setId(credential.getId());
            copy.setCreatedDate(credential.getCreatedDate());
            copy.setUserLabel(credential.getUserLabel());
            return copy;
        }

        /** The credential parameter naming the delegate's algorithm. */
        private static final String INNER = "entHashedWith";
    }
}
