package fr.ent.keycloak.assistance.core;

import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import java.util.Locale;
import java.util.Optional;

/**
 * What a helpdesk operator may do for a student from the assistance console, and when: the lifecycle's standing
 * decides, so that the console never offers what another path would refuse. Each action names the message key that
 * says why it is not possible now.
 */
public enum AssistanceAction {
    /** A new activation link to the personal address (voiding every older one): an activatable student only. */
    NEW_LINK,
    /**
     * A one-time code the student types on "1ère connexion" to open the activation without any email (a wrong or
     * unreadable personal address): an activatable student only, whose identity the operator checked.
     */
    ISSUE_CODE,
    /** Keycloak's "update password" email to the personal address: an active student only. */
    RESET_LINK,
    /** The "1ère connexion" failures and the daily email quota of this student, counted again from zero. */
    CLEAR_LIMITS,
    /** Every session of the student ended, on every node and every service that takes back-channel logout. */
    SIGN_OUT;

    /** The action's name in URLs, forms, events and message keys: {@code new-link}, {@code reset-link}… */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action a slug names, if any. */
    public static Optional<AssistanceAction> fromSlug(String slug) {
        for (AssistanceAction action : values()) {
            if (action.slug().equals(slug)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /**
     * Why the action is not possible for a student standing so, as a message key; empty when it is.
     */
    public Optional<String> refusal(Standing standing) {
        return switch (this) {
            case NEW_LINK ->
                standing.mayReceiveActivationLink()
                        ? Optional.empty()
                        : Optional.of(
                                standing.state() == AccountState.ACTIVATABLE && !standing.reachable()
                                        ? "entAssistanceRefusedNoAddress"
                                        : "entAssistanceRefusedNewLink");
            case RESET_LINK ->
                standing.mayReceiveResetLink()
                        ? Optional.empty()
                        : Optional.of(
                                standing.maySignIn()
                                        ? "entAssistanceRefusedNoAddress"
                                        : "entAssistanceRefusedResetLink");
            case ISSUE_CODE -> standing.mayActivate() ? Optional.empty() : Optional.of("entAssistanceRefusedCode");
            case CLEAR_LIMITS, SIGN_OUT -> Optional.empty();
        };
    }
}
