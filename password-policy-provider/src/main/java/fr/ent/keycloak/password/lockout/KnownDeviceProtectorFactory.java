package fr.ent.keycloak.password.lockout;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.services.managers.BruteForceProtectorFactory;

/**
 * Keycloak's brute-force detection, with known devices ({@link fr.ent.keycloak.password.core.KnownDevice}): a browser
 * that signed in to the account before is judged on its own failures, so a stranger who types wrong passwords for a
 * student's login locks out the stranger, not the student. Its order makes it the server's brute-force protector;
 * everything else is Keycloak's own ({@value #KEYCLOAKS}), with the realm's settings (Realm settings → Security
 * defenses → Brute force detection).
 *
 * <p>SPI option {@code device-lifetime-days} (default 180): how long a browser stays known without signing in.
 */
public final class KnownDeviceProtectorFactory implements BruteForceProtectorFactory {

    public static final String PROVIDER_ID = "ent-known-device";
    /** Keycloak's own protector, which this one wraps. */
    static final String KEYCLOAKS = "default-brute-force-detector";

    private long lifetimeSeconds = 180L * 24 * 3600;

    @Override
    public BruteForceProtector create(KeycloakSession session) {
        return new KnownDeviceProtector(
                session, session.getProvider(BruteForceProtector.class, KEYCLOAKS), lifetimeSeconds);
    }

    @Override
    public void init(Config.Scope config) {
        lifetimeSeconds = Math.max(1, config.getInt("device-lifetime-days", 180)) * 24L * 3600;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (factory.getProviderFactory(BruteForceProtector.class, KEYCLOAKS) == null) {
            throw new IllegalStateException(
                    "ENT known devices: Keycloak's brute-force protector " + KEYCLOAKS + " is missing");
        }
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    /** Above Keycloak's own (0): the server's brute-force protector. */
    @Override
    public int order() {
        return 100;
    }
}
