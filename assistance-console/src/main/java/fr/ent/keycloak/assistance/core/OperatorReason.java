package fr.ent.keycloak.assistance.core;

import java.util.Optional;

/**
 * The reason an operator types before an action of the assistance console: it goes, with the operator's name, into the
 * admin event that records the action. Required, so that every action on a student's account can be explained later.
 */
public final class OperatorReason {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 300;

    private OperatorReason() {}

    /** The reason as recorded: trimmed, inner runs of white space (line breaks included) made one space. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
    }

    /** Why {@code typed} cannot be recorded, as a message key; empty when it can. */
    public static Optional<String> problem(String typed) {
        String reason = normalise(typed);
        if (reason.codePointCount(0, reason.length()) < MIN_LENGTH) {
            return Optional.of("entAssistanceReasonMissing");
        }
        if (reason.codePointCount(0, reason.length()) > MAX_LENGTH) {
            return Optional.of("entAssistanceReasonTooLong");
        }
        if (reason.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            return Optional.of("entAssistanceReasonInvalid");
        }
        return Optional.empty();
    }
}
