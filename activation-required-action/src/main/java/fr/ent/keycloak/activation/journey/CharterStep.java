package fr.ent.keycloak.activation.journey;

import fr.ent.keycloak.activation.settings.ActivationSettings;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import java.time.Instant;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Accepting the IT charter, in the version in force in the realm. During an activation the acceptance is kept until the
 * last step; outside one (a new charter version, or an administrator who set this action on an account) it is recorded
 * at once (only for an activated student: the record of the charter's acceptance is the lifecycle's definition of
 * "activated"). At each sign-in it also makes activation mandatory: a student who is not {@code ACTIVE} is stopped by
 * the gate of {@link StartStep} (the journey runs only from an activation link), and an active student is asked again
 * when the charter version changed.
 */
final class CharterStep implements RequiredActionProvider {

    static final String ACCEPT = "accept";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!Students.isStudent(user) || Journey.inProgress(authSession)) {
            return;
        }
        if (!RealmLifecycle.standing(context.getRealm(), user).maySignIn()) {
            // the lifecycle's gate: the activation steps run only from an activation link
            authSession.addRequiredAction(Journey.START);
        } else if (!ActivationSettings.of(context.getRealm())
                .charterVersion()
                .equals(user.getFirstAttribute(EntAttributes.CHARTER_VERSION))) {
            authSession.addRequiredAction(Journey.CHARTER);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context).createForm("ent-charter.ftl"));
    }

    private static LoginFormsProvider page(RequiredActionContext context) {
        return context.form()
                .setAttribute(
                        "entCharterVersion",
                        ActivationSettings.of(context.getRealm()).charterVersion());
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (!"on".equals(context.getHttpRequest().getDecodedFormParameters().getFirst(ACCEPT))) {
            context.challenge(page(context).setError("entCharterMustAccept").createForm("ent-charter.ftl"));
            return;
        }
        String version = ActivationSettings.of(context.getRealm()).charterVersion();
        String now = Instant.ofEpochMilli(Time.currentTimeMillis()).toString();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (Journey.inProgress(authSession)) {
            authSession.setAuthNote(Journey.NOTE_CHARTER_VERSION, version);
            authSession.setAuthNote(Journey.NOTE_CHARTER_ACCEPTED_AT, now);
        } else if (!Students.isStudent(context.getUser())
                || RealmLifecycle.standing(context.getRealm(), context.getUser())
                        .maySignIn()) {
            context.getUser().setSingleAttribute(EntAttributes.CHARTER_VERSION, version);
            context.getUser().setSingleAttribute(EntAttributes.CHARTER_ACCEPTED_AT, now);
        }
        context.getEvent().detail("ent_step", "charter_accepted").detail("ent_charter_version", version);
        context.success();
    }

    @Override
    public void close() {}

    /** {@value Journey#CHARTER}. */
    public static final class Factory extends StepFactory {
        public Factory() {
            super(Journey.CHARTER, "ENT : charte informatique / accept the IT charter", new CharterStep());
        }
    }
}
