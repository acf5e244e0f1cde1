package fr.ent.keycloak.activation;

import jakarta.ws.rs.NotFoundException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers the help pages ({@link HelpResource}) under {@code /realms/{realm}/ent-help}. */
public final class HelpResourceProvider implements RealmResourceProvider {

    static final String ID = "ent-help";

    private final KeycloakSession session;

    HelpResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        // a realm without the activation journey (the master realm) has no such pages, nor the theme they need
        if (!Activation.enabledIn(session.getContext().getRealm())) {
            throw new NotFoundException();
        }
        return new HelpResource(session);
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
            return new HelpResourceProvider(session);
        }
    }
}
