package fr.ent.keycloak.password.core;

import java.util.List;

/**
 * One rule the password breaks: a message key of the ENT theme's bundles and its parameters.
 *
 * @param key message key, e.g. {@code entPasswordTooShort}
 * @param params the message's parameters, in order
 */
public record Violation(String key, List<Object> params) {

    public static final String TOO_LONG = "entPasswordTooLong";
    public static final String TOO_SHORT = "entPasswordTooShort";
    public static final String NO_LETTER = "entPasswordNoLetter";
    public static final String NO_DIGIT = "entPasswordNoDigit";
    public static final String FORBIDDEN_CHARACTERS = "entPasswordForbiddenCharacters";
    public static final String CONTROL_CHARACTERS = "entPasswordControlCharacters";
    public static final String DICTIONARY = "entPasswordDictionary";
    public static final String PATTERN = "entPasswordPattern";
    public static final String PERSONAL_DATA = "entPasswordPersonalData";
    public static final String CONTEXT_WORDS = "entPasswordContextWords";

    public Violation {
        params = List.copyOf(params);
    }

    static Violation of(String key, Object... params) {
        return new Violation(key, List.of(params));
    }
}
