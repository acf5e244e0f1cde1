package fr.ent.keycloak.activation;

import jakarta.ws.rs.NotFoundException;
import org.keycloak.models.KeycloakSession;
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
        // a realm without the activation journey (the master realm) has no such pages, nor the theme they need
        if (!Activation.enabledIn(session.getContext().getRealm())) {
            throw new NotFoundException();
        }
        return new FirstConnectionResource(session);
    }

    @Override
    public void close() {}

    /** The factory Keycloak finds through {@code META-INF/services}. */
    public static final class Factory extends StatelessFactory<RealmResourceProvider>
            implements RealmResourceProviderFactory {
        public Factory() {
            super(ID);
        }

        @Override
        public RealmResourceProvider create(KeycloakSession session) {
            return new FirstConnectionResourceProvider(session);
        }
    }
}
