package fr.ent.keycloak.common;

import java.net.URI;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one table of the realm's settings: name, kind, default and range of each. The admin console shows them (the
 * configuration of the required action {@value LifecycleSettings#CONSOLE_HOLDER}, labelled {@code <name>.label} and
 * {@code <name>.help} in French and English), checks them when saved, every module reads them through it, and
 * {@code docs/configuration.md}'s table is kept equal to it by a test. A value that does not parse is refused with
 * {@link InvalidSettingException}, never replaced by the default.
 */
public enum RealmSetting {
    ACTIVATION_DELAY_MINUTES("entActivationDelayMinutes", Kind.NUMBER, "15", 0, 7 * 24 * 60),
    ACCESS_ENDS_ON("entAccessEndsOn", Kind.MONTH_DAY, "12-31"),
    TIME_ZONE("entTimeZone", Kind.ZONE, "Europe/Paris"),
    STUDENT_MAILS_PER_DAY("entStudentMailsPerDay", Kind.NUMBER, "3", 1, 20),
    LINK_LIFESPAN_SECONDS("entActivationLinkLifespanSeconds", Kind.NUMBER, "86400", 300, 30 * 24 * 3600),
    CHARTER_VERSION("entCharterVersion", Kind.TEXT, "1"),
    PORTAL_URL("entPortalUrl", Kind.URL, ""),
    PORTAL_CLIENT("entPortalClientId", Kind.TEXT, "account-console"),
    UNIVERSITY_MAIL_DOMAINS("entUniversityMailDomains", Kind.TEXT, ""),
    HELPDESK("entHelpdesk", Kind.TEXT, ""),
    FIRST_CONNECTION_MAX_FAILURES("entFirstConnectionMaxFailures", Kind.NUMBER, "5", 1, 1000),
    FIRST_CONNECTION_MAX_PER_ADDRESS("entFirstConnectionMaxPerAddress", Kind.NUMBER, "30", 1, 1000),
    FIRST_CONNECTION_MAX_WAITING("entFirstConnectionMaxWaiting", Kind.NUMBER, "500", 1, 100_000),
    ASSISTANCE_ACTIONS_PER_HOUR("entAssistanceActionsPerHour", Kind.NUMBER, "60", 1, 1000),
    ALUMNI_CHOICE("entAlumniChoice", Kind.YES_NO, "false"),
    ALUMNI_OFFER_DAYS("entAlumniOfferDays", Kind.NUMBER, "45", 1, 180),
    RETENTION_MONTHS("entRetentionMonths", Kind.NUMBER, "12", 0, 240),
    EXPIRY_WARNING_DAYS("entExpiryWarningDays", Kind.NUMBER, "30", 1, 180);

    /** What a setting holds, which says how it is read and shown. */
    public enum Kind {
        NUMBER,
        YES_NO,
        MONTH_DAY,
        ZONE,
        URL,
        TEXT
    }

    private final String key;
    private final Kind kind;
    private final String defaultValue;
    private final int min;
    private final int max;

    RealmSetting(String key, Kind kind, String defaultValue) {
        this(key, kind, defaultValue, 0, 0);
    }

    RealmSetting(String key, Kind kind, String defaultValue, int min, int max) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
    }

    /** Its name: the key of the console's configuration (and of the former realm attribute). */
    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    /** The default, as the console shows it; empty when there is none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The range of a number, written {@code min–max}; empty for other kinds. */
    public String range() {
        return kind == Kind.NUMBER ? min + "–" + max : "";
    }

    /** The setting of that name, if the table has one. */
    public static Optional<RealmSetting> named(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** A number setting: {@code raw}, or the default when absent; refused out of range. */
    public int number(String raw) {
        requireKind(Kind.NUMBER);
        return Settings.wholeNumber(key, raw, Integer.parseInt(defaultValue), min, max);
    }

    /** A yes/no setting. */
    public boolean yesNo(String raw) {
        requireKind(Kind.YES_NO);
        return Settings.yesNo(key, raw, Boolean.parseBoolean(defaultValue));
    }

    /** A day of the year ({@code MM-DD}). */
    public MonthDay monthDay(String raw) {
        requireKind(Kind.MONTH_DAY);
        return Settings.monthDay(key, raw, MonthDay.parse("--" + defaultValue));
    }

    /** A time zone of the IANA database. */
    public ZoneId zone(String raw) {
        requireKind(Kind.ZONE);
        return Settings.zone(key, raw, ZoneId.of(defaultValue));
    }

    /**
     * A text setting, trimmed; the default when absent (null when it has none). An address is read as it is: it was
     * checked when saved ({@link #check}), and a page never fails for one.
     */
    public String text(String raw) {
        if (raw == null || raw.isBlank()) {
            return defaultValue.isEmpty() ? null : defaultValue;
        }
        return raw.trim();
    }

    /**
     * Checks a value as the console saves it, without keeping it.
     *
     * @throws InvalidSettingException when it is present and wrong
     */
    public void check(String raw) {
        switch (kind) {
            case NUMBER -> number(raw);
            case YES_NO -> yesNo(raw);
            case MONTH_DAY -> monthDay(raw);
            case ZONE -> zone(raw);
            case TEXT -> text(raw);
            case URL -> {
                String value = text(raw);
                if (value != null) {
                    checkUrl(value);
                }
            }
        }
    }

    private void checkUrl(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidSettingException(key, value, "entSettingUrl", "an absolute http(s) address", key, value);
    }

    private void requireKind(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException(key + " is a " + kind + " setting, not " + expected);
        }
    }
}
