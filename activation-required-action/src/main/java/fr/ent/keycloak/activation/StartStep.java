package fr.ent.keycloak.activation;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * The first page of the journey, where the link lands: it greets the student by name, shows the identifier, and
 * starts the activation with a button (a POST): opening the link alone changes nothing.
 */
final class StartStep implements RequiredActionProvider {

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        UserModel user = context.getUser();
        context.challenge(context.form()
                .setAttribute("entUsername", user.getUsername())
                .setAttribute("entFirstName", user.getFirstName() == null ? "" : user.getFirstName())
                .createForm("ent-activation-start.ftl"));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.getEvent().detail("ent_step", "started");
        context.success();
    }

    @Override
    public void close() {}

    /** {@value Activation#START}. */
    public static final class Factory extends StepFactory {
        private int mailIntervalSeconds = ActivationMailScheduler.DEFAULT_INTERVAL_SECONDS;

        public Factory() {
            super(Activation.START, "ENT: start of activation", new StartStep());
        }

        @Override
        public void init(Config.Scope config) {
            mailIntervalSeconds = ActivationMailScheduler.interval(config);
        }

        /** The automatic activation emails are this step's companion: scheduled once the server runs. */
        @Override
        public void postInit(KeycloakSessionFactory factory) {
            ActivationMailScheduler.scheduleWhenReady(factory, mailIntervalSeconds);
        }
    }
}
