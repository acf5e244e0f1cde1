package fr.ent.keycloak.enrolment.core;

import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What an account no longer needs once the student's access has ended (RGPD: data kept no longer than needed). The
 * birth date, the INE and the personal address (Keycloak's email and {@code supannMailPerso}) served to identify and
 * reach a student who has not activated, or to prove who they are at "1ère connexion"; the forwarding address and the
 * activation link served an active account. None is needed by a closed one. Kept: the login, the names, the student
 * number, the university address, the dates (last academic year, fee, activation) and the state — what the helpdesk,
 * the services and the deletion after the retention period need. A student who enrols again gets everything back from
 * the enrolment database at the next sync.
 */
public final class Minimisation {

    /** Keycloak's own email of the account (the personal address, DESIGN.md). */
    public static final String EMAIL = "email";

    /** The attributes removed at expiry, in this order, then {@link #EMAIL}. */
    public static final List<String> REMOVED = List.of(
            EntAttributes.DATE_OF_BIRTH,
            EntAttributes.INE,
            EntAttributes.PERSONAL_EMAIL,
            EntAttributes.MAIL_FORWARDING_ADDRESS,
            EntAttributes.ACTIVATION_LINK_ID);

    private Minimisation() {}

    /**
     * The data to remove from an account: the names of those it still holds when the student's access has ended,
     * nothing otherwise.
     *
     * @param state the account's state now
     * @param attribute the account's first value of an attribute, or null
     * @param email the account's Keycloak email, or null
     */
    public static List<String> toRemove(AccountState state, Function<String, String> attribute, String email) {
        if (state != AccountState.EXPIRED) {
            return List.of();
        }
        List<String> held = new ArrayList<>();
        for (String name : REMOVED) {
            String value = attribute.apply(name);
            if (value != null && !value.isBlank()) {
                held.add(name);
            }
        }
        if (email != null && !email.isBlank()) {
            held.add(EMAIL);
        }
        return held;
    }
}
