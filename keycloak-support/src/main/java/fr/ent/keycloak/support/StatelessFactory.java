package fr.ent.keycloak.support;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/** A factory with nothing to configure, start or stop: only an id and what it creates. */
public abstract class StatelessFactory<T extends Provider> implements ProviderFactory<T> {

    private final String id;

    protected StatelessFactory(String id) {
        this.id = id;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return id;
    }
}
