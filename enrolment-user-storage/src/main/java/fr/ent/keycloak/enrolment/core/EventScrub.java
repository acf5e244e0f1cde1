package fr.ent.keycloak.enrolment.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What stays of a student's stored events once the access has ended. Keycloak keeps, beside each sign-in, reset or
 * update, details that can be personal (the address a reset link went to, the login, a redirect), the client's IP
 * address, and, for an administrator's change of the account, the whole account as it was (birth date, INE,
 * addresses). A closed account needs none of it: what happened and when is enough for the helpdesk's timeline and for
 * an audit. Kept: the pack's own details (named {@code ent…}, written without personal data: a step, an outcome, a
 * student number) and Keycloak's technical ones below; everything else goes, with the IP address and the account's
 * representation.
 */
public final class EventScrub {

    /** Keycloak's details that say how, never who or where. */
    private static final Set<String> TECHNICAL = Set.of(
            "auth_method",
            "auth_type",
            "grant_type",
            "response_type",
            "response_mode",
            "client_auth_method",
            "custom_required_action",
            "credential_type");

    private EventScrub() {}

    /** Whether the detail {@code name} of an event stays on a closed account. */
    public static boolean kept(String name) {
        return name != null && (name.startsWith("ent") || TECHNICAL.contains(name));
    }

    /** The details of an event that stay, in their order; null stays null. */
    public static Map<String, String> scrub(Map<String, String> details) {
        if (details == null) {
            return null;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        details.forEach((name, value) -> {
            if (kept(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
