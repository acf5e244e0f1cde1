package fr.ent.keycloak.activation.core;

import java.time.Duration;
import java.time.Instant;

/**
 * When an email that failed is tried again: after 1, 2, 4, 8… minutes, at most {@link #MAX_DELAY} apart, so that an
 * SMTP outage neither floods the server when it comes back nor leaves a student waiting for a day.
 */
public final class RetrySchedule {

    public static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    public static final Duration MAX_DELAY = Duration.ofHours(1);

    private RetrySchedule() {}

    /**
     * @param failures how many attempts failed so far, at least 1
     * @param lastFailure when the last one failed
     */
    public static Instant nextAttempt(int failures, Instant lastFailure) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        int doublings = Math.min(failures - 1, 16);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return lastFailure.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
    }

    /** Whether an email whose retry is due at {@code retryAt} (null: no failure) may be tried at {@code now}. */
    public static boolean due(Instant retryAt, Instant now) {
        return retryAt == null || !now.isBefore(retryAt);
    }
}
