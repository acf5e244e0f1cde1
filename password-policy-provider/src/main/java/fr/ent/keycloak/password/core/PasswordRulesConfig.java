package fr.ent.keycloak.password.core;

import java.util.List;
import java.util.Objects;

/**
 * The settings of the ENT password rules; {@link #DEFAULTS} are the university's.
 *
 * @param minLength minimum length in code points after NFKC (8)
 * @param recommendedLength advised length, shown to the user, never an error (12)
 * @param maxLength hard maximum in code points, checked before anything else (128, at least 64)
 * @param forbiddenCharacters characters refused, also in their compatibility forms ({@code <>"'$})
 * @param coveragePercent share of the password that a dictionary word, a keyboard walk or a personal word must
 *     cover for the password to be refused (50)
 * @param contextWords words of the realm's context (university, city, "ent"), already canonical
 */
public record PasswordRulesConfig(
        int minLength,
        int recommendedLength,
        int maxLength,
        String forbiddenCharacters,
        int coveragePercent,
        List<String> contextWords) {

    public static final int DEFAULT_MIN_LENGTH = 8;
    public static final int DEFAULT_RECOMMENDED_LENGTH = 12;
    public static final int DEFAULT_MAX_LENGTH = 128;
    public static final int LOWEST_MAX_LENGTH = 64;
    public static final String DEFAULT_FORBIDDEN_CHARACTERS = "<>\"'$";
    public static final int DEFAULT_COVERAGE_PERCENT = 50;

    public static final PasswordRulesConfig DEFAULTS = new PasswordRulesConfig(
            DEFAULT_MIN_LENGTH,
            DEFAULT_RECOMMENDED_LENGTH,
            DEFAULT_MAX_LENGTH,
            DEFAULT_FORBIDDEN_CHARACTERS,
            DEFAULT_COVERAGE_PERCENT,
            List.of());

    public PasswordRulesConfig {
        Objects.requireNonNull(forbiddenCharacters, "forbiddenCharacters");
        contextWords = List.copyOf(contextWords);
        if (minLength < 1) {
            throw new IllegalArgumentException("The minimum length must be at least 1");
        }
        if (maxLength < LOWEST_MAX_LENGTH) {
            throw new IllegalArgumentException("The maximum length must be at least " + LOWEST_MAX_LENGTH);
        }
        if (minLength > maxLength) {
            throw new IllegalArgumentException("The minimum length cannot exceed the maximum length " + maxLength);
        }
        if (coveragePercent < 1 || coveragePercent > 100) {
            throw new IllegalArgumentException("The dictionary coverage must be between 1 and 100 %");
        }
    }

    public PasswordRulesConfig withMinLength(int value) {
        return new PasswordRulesConfig(
                value, recommendedLength, maxLength, forbiddenCharacters, coveragePercent, contextWords);
    }

    public PasswordRulesConfig withRecommendedLength(int value) {
        return new PasswordRulesConfig(minLength, value, maxLength, forbiddenCharacters, coveragePercent, contextWords);
    }

    public PasswordRulesConfig withMaxLength(int value) {
        return new PasswordRulesConfig(
                minLength, recommendedLength, value, forbiddenCharacters, coveragePercent, contextWords);
    }

    public PasswordRulesConfig withForbiddenCharacters(String value) {
        return new PasswordRulesConfig(minLength, recommendedLength, maxLength, value, coveragePercent, contextWords);
    }

    public PasswordRulesConfig withCoveragePercent(int value) {
        return new PasswordRulesConfig(
                minLength, recommendedLength, maxLength, forbiddenCharacters, value, contextWords);
    }

    public PasswordRulesConfig withContextWords(List<String> value) {
        return new PasswordRulesConfig(
                minLength, recommendedLength, maxLength, forbiddenCharacters, coveragePercent, value);
    }

    /** The smallest part of a password of {@code length} characters that counts as "covering" it. */
    int coveringLength(int length) {
        return (length * coveragePercent + 99) / 100;
    }
}
