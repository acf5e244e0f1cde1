package fr.ent.keycloak.activation;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers one stateless step of the activation journey as a required action. */
abstract class StepFactory implements RequiredActionFactory {

    private final String id;
    private final String displayText;
    private final RequiredActionProvider step;

    StepFactory(String id, String displayText, RequiredActionProvider step) {
        this.id = id;
        this.displayText = displayText;
        this.step = step;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return step;
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

    @Override
    public String getDisplayText() {
        return displayText;
    }
}
