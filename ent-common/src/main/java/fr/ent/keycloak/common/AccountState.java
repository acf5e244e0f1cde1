package fr.ent.keycloak.common;

import java.util.Locale;
import java.util.Optional;

/** Lifecycle of a student account, stored in the {@link EntAttributes#ACCOUNT_STATE} attribute. */
public enum AccountState {
    /** Imported; the enrolment fee is not paid, or was paid less than the activation delay ago. */
    PENDING,
    /** The fee was paid at least the activation delay ago; the student has not activated the account yet. */
    ACTIVATABLE,
    /** Activation finished: charter accepted, password chosen, forwarding choice made. */
    ACTIVE,
    /** Past the end of access (31 December of the year the last academic year ends); the account is disabled. */
    EXPIRED;

    /**
     * Reads a stored attribute value.
     *
     * @return the state, or empty when the value is missing or not a state name
     */
    public static Optional<AccountState> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
