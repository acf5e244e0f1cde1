package fr.ent.keycloak.activation.journey;

import fr.ent.keycloak.activation.schedule.LifecycleMailScheduler;
import fr.ent.keycloak.support.ConsoleSettings;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * The first page of the journey, where the link lands: it greets the student by name, shows the identifier, and
 * starts the activation with a button (a POST): opening the link alone changes nothing. Outside a journey opened from
 * an activation link, it is the lifecycle's gate: a student who may not sign in is stopped here.
 */
final class StartStep implements RequiredActionProvider {

    static final String NOT_ACTIVATED = "entActivationRequired";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (!Journey.inProgress(context.getAuthenticationSession())) {
            refuse(context);
            return;
        }
        UserModel user = context.getUser();
        context.challenge(context.form()
                .setAttribute("entUsername", user.getUsername())
                .setAttribute("entFirstName", user.getFirstName() == null ? "" : user.getFirstName())
                .createForm("ent-activation-start.ftl"));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (!Journey.inProgress(context.getAuthenticationSession())) {
            refuse(context);
            return;
        }
        context.getEvent().detail("ent_step", "started");
        context.success();
    }

    /**
     * A student whom the lifecycle does not let in (not activated) reached the required actions by another way than
     * an activation link: a sign-in with a password an administrator set, a password-reset or execute-actions link.
     * The activation steps never run there: the page says how to activate, and nothing goes further.
     */
    private static void refuse(RequiredActionContext context) {
        context.getEvent().detail("ent_step", "not_activated").error("ent_not_activated");
        context.challenge(context.form().setError(NOT_ACTIVATED).createErrorPage(Response.Status.FORBIDDEN));
    }

    @Override
    public void close() {}

    /** {@value Journey#START}. */
    public static final class Factory extends StepFactory {
        private int mailIntervalSeconds = LifecycleMailScheduler.DEFAULT_INTERVAL_SECONDS;

        public Factory() {
            super(
                    Journey.START,
                    "ENT : début de l’activation et réglages / start of activation and settings",
                    new StartStep());
        }

        @Override
        public void init(Config.Scope config) {
            mailIntervalSeconds = LifecycleMailScheduler.interval(config);
        }

        /** The activation's and the lifecycle's settings are this step's configuration in the console. */
        @Override
        public boolean isConfigurable() {
            return true;
        }

        @Override
        public java.util.List<org.keycloak.provider.ProviderConfigProperty> getConfigMetadata() {
            return ConsoleSettings.metadata();
        }

        @Override
        public void validateConfig(
                org.keycloak.models.KeycloakSession session,
                org.keycloak.models.RealmModel realm,
                org.keycloak.models.RequiredActionConfigModel config) {
            ConsoleSettings.validate(config);
        }

        /** The automatic activation emails are this step's companion: scheduled once the server runs. */
        @Override
        public void postInit(KeycloakSessionFactory factory) {
            LifecycleMailScheduler.scheduleWhenReady(factory, mailIntervalSeconds);
        }
    }
}
