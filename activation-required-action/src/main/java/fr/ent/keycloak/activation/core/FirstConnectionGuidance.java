package fr.ent.keycloak.activation.core;

import fr.ent.keycloak.common.AccountState;

/**
 * What "1ère connexion" does for an account, once the identifier and the birth date are checked. The person at the form
 * never learns which: the guidance goes to the personal address on record, and the page is the same in every case.
 */
public enum FirstConnectionGuidance {
    /** Activatable: a new activation link, voiding the older ones. */
    SEND_LINK,
    /** Paid less than the activation delay ago: "your account will be ready at HH:MM". */
    SEND_READY_AT,
    /** Fee not paid: the account becomes activatable after payment. */
    SEND_UNPAID,
    /** Already active: the identifier and how to reset the password. */
    SEND_ALREADY_ACTIVE,
    /** Nothing to send: no such student, wrong birth date, closed account, or no personal address. */
    NOTHING;

    /**
     * @param state the account's state now
     * @param feePaid whether the enrolment fee is recorded as paid
     * @param enabled whether the account may sign in
     */
    public static FirstConnectionGuidance of(AccountState state, boolean feePaid, boolean enabled) {
        if (!enabled) {
            return NOTHING;
        }
        return switch (state) {
            case ACTIVATABLE -> SEND_LINK;
            case PENDING -> feePaid ? SEND_READY_AT : SEND_UNPAID;
            case ACTIVE -> SEND_ALREADY_ACTIVE;
            case EXPIRED -> NOTHING;
        };
    }

    /** Whether an email goes out. */
    public boolean sends() {
        return this != NOTHING;
    }
}
