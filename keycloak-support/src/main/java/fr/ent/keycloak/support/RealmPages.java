package fr.ent.keycloak.support;

import fr.ent.keycloak.common.LifecycleSettings;
import jakarta.ws.rs.NotFoundException;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * The pack's public pages under {@code /realms/{realm}/…}, answered only in a realm that runs the activation journey:
 * elsewhere (the master realm) there are no such pages, nor the theme they need, so they are 404.
 */
public final class RealmPages implements RealmResourceProvider {

    private final KeycloakSession session;
    private final Function<KeycloakSession, Object> resource;

    private RealmPages(KeycloakSession session, Function<KeycloakSession, Object> resource) {
        this.session = session;
        this.resource = resource;
    }

    @Override
    public Object getResource() {
        if (!enabledIn(session.getContext().getRealm())) {
            throw new NotFoundException();
        }
        return resource.apply(session);
    }

    @Override
    public void close() {}

    /**
     * Whether the realm runs the pack: its activation journey's first step, which holds the realm's settings
     * ({@value LifecycleSettings#CONSOLE_HOLDER}), is enabled. The pack's pages answer there only.
     */
    public static boolean enabledIn(RealmModel realm) {
        RequiredActionProviderModel start = realm.getRequiredActionProviderByAlias(LifecycleSettings.CONSOLE_HOLDER);
        return start != null && start.isEnabled();
    }

    /** Registers one resource of pages under its id. */
    public abstract static class Factory extends StatelessFactory<RealmResourceProvider>
            implements RealmResourceProviderFactory {
        private final Function<KeycloakSession, Object> resource;

        protected Factory(String id, Function<KeycloakSession, Object> resource) {
            super(id);
            this.resource = resource;
        }

        @Override
        public RealmResourceProvider create(KeycloakSession session) {
            return new RealmPages(session, resource);
        }
    }
}
