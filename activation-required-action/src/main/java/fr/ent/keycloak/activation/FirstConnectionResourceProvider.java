package fr.ent.keycloak.activation;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers "1ère connexion" ({@link FirstConnectionResource}) under {@code /realms/{realm}/ent-first-connection}. */
public final class FirstConnectionResourceProvider implements RealmResourceProvider {

    static final String ID = "ent-first-connection";

    private final KeycloakSession session;

    FirstConnectionResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new FirstConnectionResource(session);
    }

    @Override
    public void close() {}

    /** The factory Keycloak finds through {@code META-INF/services}. */
    public static final class Factory implements RealmResourceProviderFactory {
        @Override
        public RealmResourceProvider create(KeycloakSession session) {
            return new FirstConnectionResourceProvider(session);
        }

        @Override
        public void init(Config.Scope config) {}

        @Override
        public void postInit(KeycloakSessionFactory factory) {}

        @Override
        public void close() {}

        @Override
        public String getId() {
            return ID;
        }
    }
}
