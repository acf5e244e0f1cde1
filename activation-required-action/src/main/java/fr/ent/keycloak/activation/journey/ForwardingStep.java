package fr.ent.keycloak.activation.journey;

import fr.ent.keycloak.activation.core.ForwardingAddress;
import fr.ent.keycloak.activation.settings.ActivationSettings;
import fr.ent.keycloak.common.EntAttributes;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The optional forwarding of university mail to an external mailbox. The address is checked (an address, not too
 * long, no line break, not one of the university's own domains); "no forwarding" is a choice too.
 */
final class ForwardingStep implements RequiredActionProvider {

    static final String CHOICE = "forwarding";
    static final String ADDRESS = "forwardingAddress";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {}

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, "", false).createForm("ent-forwarding.ftl"));
    }

    private static LoginFormsProvider page(RequiredActionContext context, String address, boolean forward) {
        return context.form()
                .setAttribute("entForwardingAddress", address)
                .setAttribute("entForwarding", forward)
                .setAttribute("entPersonalEmail", personalEmail(context));
    }

    private static String personalEmail(RequiredActionContext context) {
        String email = context.getUser().getFirstAttribute(EntAttributes.PERSONAL_EMAIL);
        return email == null ? "" : email;
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        boolean forward = "forward".equals(form.getFirst(CHOICE));
        String typed = Optional.ofNullable(form.getFirst(ADDRESS)).orElse("");
        String address = Journey.NO_FORWARDING;
        if (forward) {
            Optional<ForwardingAddress.Refusal> refusal = new ForwardingAddress(
                            ActivationSettings.of(context.getRealm()).universityDomains())
                    .refusal(typed);
            if (refusal.isPresent()) {
                // the typed value goes back escaped by the template, cut to the field's length
                String shown = typed.length() > ForwardingAddress.MAX_LENGTH
                        ? typed.substring(0, ForwardingAddress.MAX_LENGTH)
                        : typed;
                context.getEvent()
                        .detail("ent_step", "forwarding_refused")
                        .detail("reason", refusal.get().name());
                context.challenge(page(context, shown, true)
                        .addError(new FormMessage(ADDRESS, refusal.get().messageKey()))
                        .createForm("ent-forwarding.ftl"));
                return;
            }
            address = ForwardingAddress.normalise(typed);
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (Journey.inProgress(authSession)) {
            authSession.setAuthNote(Journey.NOTE_FORWARDING, address);
        } else if (address.isEmpty()) {
            context.getUser().removeAttribute(EntAttributes.MAIL_FORWARDING_ADDRESS);
        } else {
            context.getUser().setSingleAttribute(EntAttributes.MAIL_FORWARDING_ADDRESS, address);
        }
        context.getEvent().detail("ent_step", address.isEmpty() ? "forwarding_none" : "forwarding_set");
        context.success();
    }

    @Override
    public void close() {}

    /** {@value Journey#FORWARDING}. */
    public static final class Factory extends StepFactory {
        public Factory() {
            super(Journey.FORWARDING, "ENT : redirection du courrier / mail forwarding", new ForwardingStep());
        }
    }
}
