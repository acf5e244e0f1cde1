package fr.ent.keycloak.activation.journey;

import fr.ent.keycloak.support.StatelessFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/** Registers one stateless step of the activation journey as a required action. */
abstract class StepFactory extends StatelessFactory<RequiredActionProvider> implements RequiredActionFactory {

    private final String displayText;
    private final RequiredActionProvider step;

    StepFactory(String id, String displayText, RequiredActionProvider step) {
        super(id);
        this.displayText = displayText;
        this.step = step;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return step;
    }

    @Override
    public String getDisplayText() {
        return displayText;
    }
}
