package fr.ent.keycloak.testclock;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * {@code /realms/{realm}/ent-test-clock}: moves Keycloak's clock ({@code Time.setOffset}) so that the integration
 * tests can cross 15 minutes, 24 hours or 31 December without waiting. Only answers when the server runs with
 * {@code ENT_TEST_CLOCK=enabled}; this jar is installed only in the servers that the integration tests start.
 */
public final class TestClockResourceProviderFactory implements RealmResourceProviderFactory {

    static final String ID = "ent-test-clock";

    private boolean enabled;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new TestClockResourceProvider(session, enabled);
    }

    @Override
    public void init(Config.Scope config) {
        enabled = "enabled".equals(System.getenv("ENT_TEST_CLOCK"));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return ID;
    }
}
