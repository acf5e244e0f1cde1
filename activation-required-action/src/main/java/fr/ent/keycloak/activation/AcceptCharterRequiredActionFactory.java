package fr.ent.keycloak.activation;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Registers the "accept the IT charter" step of activation as the required action {@value #PROVIDER_ID}.
 *
 * <p>Foundation skeleton: the action is registered and can be enabled on a realm; the charter page comes with the
 * activation issue.
 */
public final class AcceptCharterRequiredActionFactory implements RequiredActionFactory {

    public static final String PROVIDER_ID = "ent-accept-charter";

    private static final AcceptCharterRequiredAction ACTION = new AcceptCharterRequiredAction();

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return ACTION;
    }

    @Override
    public void init(Config.Scope config) {}

    @Override
    public void postInit(KeycloakSessionFactory factory) {}

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayText() {
        return "ENT: accept the IT charter";
    }
}
