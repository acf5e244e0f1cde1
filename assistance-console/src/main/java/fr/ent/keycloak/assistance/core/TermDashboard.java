package fr.ent.keycloak.assistance.core;

import fr.ent.keycloak.common.AccountState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The start-of-term dashboard of the assistance console, from counts the database gives in a few grouped queries
 * (never by loading accounts): students per state, activations per day, students who got a link against those who
 * activated, automatic emails failing, accounts whose access ends soon.
 *
 * @param perState students per state (every state present, 0 when none)
 * @param activationsPerDay the last {@code days} days in the university's time zone, oldest first, 0 when none
 * @param paid students whose enrolment fee is recorded as paid
 * @param mailed students who were sent an activation link
 * @param activated students who finished the activation
 * @param failingMails students whose automatic email failed and is being retried
 * @param endingSoon students whose access ends within the window (the year that ends, if it ends within it)
 */
public record TermDashboard(
        Map<AccountState, Long> perState,
        List<Day> activationsPerDay,
        long paid,
        long mailed,
        long activated,
        long failingMails,
        long endingSoon) {

    /** A day and its count. */
    public record Day(LocalDate date, long count) {}

    public static final int DAYS = 14;

    /**
     * Folds the activations counted per UTC hour ({@code 2026-09-01T08}, as the first 13 characters of ISO instants)
     * into days of the university's time zone, the last {@code days} days up to {@code now}, oldest first.
     */
    public static List<Day> perDay(Map<String, Long> perUtcHour, Instant now, ZoneId zone, int days) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusDays(days - 1L);
        long[] counts = new long[days];
        perUtcHour.forEach((hour, count) -> {
            LocalDate date;
            try {
                date = LocalDateTime.parse(hour + ":00:00")
                        .toInstant(ZoneOffset.UTC)
                        .atZone(zone)
                        .toLocalDate();
            } catch (DateTimeParseException | NullPointerException notAnHour) {
                return;
            }
            if (!date.isBefore(first) && !date.isAfter(today)) {
                counts[(int) (date.toEpochDay() - first.toEpochDay())] += count;
            }
        });
        List<Day> result = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            result.add(new Day(first.plusDays(i), counts[i]));
        }
        return result;
    }

    /** Every state, with 0 for the states no student is in; values that are not a state are left out. */
    public static Map<AccountState, Long> states(Map<String, Long> perStoredValue) {
        Map<AccountState, Long> states = new EnumMap<>(AccountState.class);
        for (AccountState state : AccountState.values()) {
            states.put(state, perStoredValue.getOrDefault(state.name(), 0L));
        }
        return states;
    }

    /** The earliest instant whose UTC hour can fall in the window of {@link #perDay} (a day of margin for zones). */
    public static String since(Instant now, int days) {
        return now.minus(java.time.Duration.ofDays(days + 1L)).toString().substring(0, 13);
    }

    /**
     * The lengths of the bars of a picture of {@code counts}: the largest is {@code full} long, the others in
     * proportion, rounded; a count above zero is never shorter than 1, so that it shows; 0 stays 0.
     */
    public static List<Integer> lengths(List<Long> counts, int full) {
        long largest = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        List<Integer> lengths = new ArrayList<>(counts.size());
        for (long count : counts) {
            if (count <= 0 || largest <= 0) {
                lengths.add(0);
            } else {
                lengths.add((int) Math.max(1, Math.round((double) count * full / largest)));
            }
        }
        return lengths;
    }

    /** Students in all states. */
    public long total() {
        return perState.values().stream().mapToLong(Long::longValue).sum();
    }
}
