package fr.ent.keycloak.common;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one way the pack reads a setting from text (a realm attribute, a component property, a server option): absent
 * or blank means the default; anything else must be a valid value, or {@link InvalidSettingException} says what is
 * wrong. No reader falls back silently to a default on a wrong value.
 */
public final class Settings {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    private Settings() {}

    /** A whole number between {@code min} and {@code max}, or {@code defaultValue} when absent. */
    public static int wholeNumber(String name, String raw, int defaultValue, int min, int max) {
        if (isAbsent(raw)) {
            return defaultValue;
        }
        String value = raw.trim();
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw outOfRange(name, value, min, max);
        }
        if (parsed < min || parsed > max) {
            throw outOfRange(name, value, min, max);
        }
        return parsed;
    }

    /** {@code true} or {@code false} (as the admin console's switches save them), or {@code defaultValue} when absent. */
    public static boolean yesNo(String name, String raw, boolean defaultValue) {
        if (isAbsent(raw)) {
            return defaultValue;
        }
        String value = raw.trim();
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new InvalidSettingException(name, value, "entSettingYesNo", "true or false", name, value);
    }

    /** A day of the year written {@code MM-DD} (12-31), or {@code defaultValue} when absent. */
    public static MonthDay monthDay(String name, String raw, MonthDay defaultValue) {
        if (isAbsent(raw)) {
            return defaultValue;
        }
        String value = raw.trim();
        try {
            return MonthDay.parse(value, MONTH_DAY);
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(
                    name, value, "entSettingMonthDay", "a day of the year written MM-DD, such as 12-31", name, value);
        }
    }

    /** A time zone of the IANA database (Europe/Paris), or {@code defaultValue} when absent. */
    public static ZoneId zone(String name, String raw, ZoneId defaultValue) {
        if (isAbsent(raw)) {
            return defaultValue;
        }
        String value = raw.trim();
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new InvalidSettingException(
                    name, value, "entSettingZone", "a time zone such as Europe/Paris", name, value);
        }
    }

    /**
     * Where a setting lives when it has two homes: {@code first} (the admin console's configuration) when it has a
     * value there, else {@code fallback} (the realm attribute of realms set up before the console held it).
     */
    public static java.util.function.Function<String, String> preferring(
            java.util.function.Function<String, String> first, java.util.function.Function<String, String> fallback) {
        return name -> {
            String value = first.apply(name);
            return isAbsent(value) ? fallback.apply(name) : value;
        };
    }

    /**
     * Checks one value without keeping it: empty when valid (or absent), else the problem. For the surfaces that
     * validate on save.
     */
    public static java.util.Optional<InvalidSettingException> problem(Runnable read) {
        try {
            read.run();
            return java.util.Optional.empty();
        } catch (InvalidSettingException e) {
            return java.util.Optional.of(e);
        }
    }

    private static boolean isAbsent(String raw) {
        return raw == null || raw.isBlank();
    }

    private static InvalidSettingException outOfRange(String name, String value, int min, int max) {
        return new InvalidSettingException(
                name,
                value,
                "entSettingWholeNumber",
                "a whole number from " + min + " to " + max,
                name,
                value,
                Integer.toString(min),
                Integer.toString(max));
    }
}
