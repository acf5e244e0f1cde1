package fr.ent.keycloak.common;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a student becomes activatable and when the account expires.
 *
 * <p>Activation is possible {@link #activationDelay()} (15 minutes by default) after the enrolment fee is paid. Access
 * lasts until the end of the {@link #accessEndsOn() cut-off day} (31 December by default, in {@link #zone()},
 * Europe/Paris by default) of the calendar year in which the last academic year of enrolment ends: a student whose
 * last academic year is 2025 (2025-2026) keeps the account until 31 December 2026, 23:59:59 Paris time.
 *
 * <p>Immutable and free of Keycloak types; the clock is always passed in, so tests and the servers of a cluster agree.
 */
public final class AcademicCalendar {

    /** Default delay between the payment of the fee and the possibility to activate. */
    public static final Duration DEFAULT_ACTIVATION_DELAY =
            Duration.ofMinutes(RealmSetting.ACTIVATION_DELAY_MINUTES.number(null));
    /** Default last day of access in the year the last academic year ends. */
    public static final MonthDay DEFAULT_ACCESS_ENDS_ON = RealmSetting.ACCESS_ENDS_ON.monthDay(null);
    /** Default time zone of the university. */
    public static final ZoneId DEFAULT_ZONE = RealmSetting.TIME_ZONE.zone(null);

    private static final AcademicCalendar DEFAULT =
            new AcademicCalendar(DEFAULT_ACTIVATION_DELAY, DEFAULT_ACCESS_ENDS_ON, DEFAULT_ZONE);

    private final Duration activationDelay;
    private final MonthDay accessEndsOn;
    private final ZoneId zone;

    /**
     * @param activationDelay delay after payment before activation is possible, zero or positive
     * @param accessEndsOn last day of access in the calendar year in which the last academic year ends
     * @param zone time zone in which that day is counted
     */
    public AcademicCalendar(Duration activationDelay, MonthDay accessEndsOn, ZoneId zone) {
        this.activationDelay = Objects.requireNonNull(activationDelay, "activationDelay");
        this.accessEndsOn = Objects.requireNonNull(accessEndsOn, "accessEndsOn");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (activationDelay.isNegative()) {
            throw new IllegalArgumentException("The activation delay cannot be negative: " + activationDelay);
        }
    }

    /** The university's calendar: 15 minutes, 31 December, Europe/Paris. */
    public static AcademicCalendar defaults() {
        return DEFAULT;
    }

    public Duration activationDelay() {
        return activationDelay;
    }

    public MonthDay accessEndsOn() {
        return accessEndsOn;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first instant at which a student who paid at {@code feePaidAt} may activate the account. */
    public Instant activatableFrom(Instant feePaidAt) {
        return feePaidAt.plus(activationDelay);
    }

    /**
     * The first instant at which the account of a student whose last academic year starts in
     * {@code lastAcademicYear} is expired: the day after {@link #accessEndsOn()} of year {@code lastAcademicYear + 1},
     * at midnight in {@link #zone()}.
     *
     * @throws DateTimeException when the year is outside the supported range
     */
    public Instant expiresAt(int lastAcademicYear) {
        int endYear = Math.addExact(lastAcademicYear, 1);
        return accessEndsOn.atYear(endYear).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * The first instant without access, from the last academic year and an alumni extension: the later of the two ends;
     * null when the last academic year is unknown (an extension alone never opens an account).
     *
     * @param extendedUntil the last day of access the student chose to keep the account until, or null
     */
    public Instant accessEndsAt(Integer lastAcademicYear, LocalDate extendedUntil) {
        if (lastAcademicYear == null) {
            return null;
        }
        Instant plain = expiresAt(lastAcademicYear);
        if (extendedUntil == null) {
            return plain;
        }
        Instant extended = extendedUntil.plusDays(1).atStartOfDay(zone).toInstant();
        return extended.isAfter(plain) ? extended : plain;
    }

    /** The last day of access, in {@link #zone()}, of an access that ends at {@code accessEndsAt} (exclusive). */
    public LocalDate lastDay(Instant accessEndsAt) {
        return LocalDate.ofInstant(accessEndsAt.minusNanos(1), zone);
    }

    /** One more year of access after the last day {@code lastDay}: the cut-off day of the next calendar year. */
    public LocalDate oneYearAfter(LocalDate lastDay) {
        return accessEndsOn.atYear(lastDay.getYear() + 1);
    }

    /**
     * The lifecycle state of a student at {@code now}.
     *
     * @param now the current instant
     * @param lastAcademicYear start year of the latest academic year of enrolment, {@code null} when unknown (then the
     *     account never expires by the calendar)
     * @param feePaidAt when the enrolment fee was paid, {@code null} when not paid
     * @param activated whether the student finished activation
     */
    public AccountState stateAt(Instant now, Integer lastAcademicYear, Instant feePaidAt, boolean activated) {
        Objects.requireNonNull(now, "now");
        if (lastAcademicYear != null && !now.isBefore(expiresAt(lastAcademicYear))) {
            return AccountState.EXPIRED;
        }
        if (activated) {
            return AccountState.ACTIVE;
        }
        if (feePaidAt == null || now.isBefore(activatableFrom(feePaidAt))) {
            return AccountState.PENDING;
        }
        return AccountState.ACTIVATABLE;
    }

    /**
     * The state from a student's stored attribute values ({@code supannEtuAnneeInscription}, {@code entFeePaidAt} as an
     * ISO instant), as every component reads them: a value that does not parse counts as absent.
     */
    public AccountState stateAt(Instant now, String lastAcademicYear, String feePaidAt, boolean activated) {
        return stateAt(now, parseYear(lastAcademicYear), parseInstant(feePaidAt), activated);
    }

    private static Integer parseYear(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A stored instant ({@code entFeePaidAt}, ISO-8601), or null when absent or unreadable. */
    public static Instant parseInstant(String value) {
        try {
            return value == null ? null : Instant.parse(value.trim());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
