package fr.ent.keycloak.activation.core;

import fr.ent.keycloak.support.SlotLimiter;
import java.util.function.BooleanSupplier;

/**
 * The birth-date check of "1ère connexion", limited to {@code limit} failures per student per window across the
 * cluster. A failure slot is taken <em>before</em> comparing and given back only when the date matches: of any number
 * of guesses sent at once, at most {@code limit} are ever compared, so a burst of parallel guesses cannot try more
 * dates than the limit allows.
 */
public final class BirthDateCheck {

    /** What happened to one attempt. */
    public enum Outcome {
        /** The date matches. */
        MATCH,
        /** The date does not match; the failure is counted. */
        MISMATCH,
        /** The failures already fill the window: nothing was compared. */
        THROTTLED
    }

    private final SlotLimiter limiter;

    public BirthDateCheck(SlotLimiter limiter) {
        this.limiter = limiter;
    }

    /**
     * @param key the student's failure counter
     * @param matches compares the date given with the one on record; called at most once, and only with a free slot
     */
    public Outcome attempt(String key, int limit, long windowSeconds, BooleanSupplier matches) {
        SlotLimiter.Slot slot = limiter.acquire(key, limit, windowSeconds);
        if (slot == null) {
            return Outcome.THROTTLED;
        }
        if (!matches.getAsBoolean()) {
            return Outcome.MISMATCH;
        }
        slot.release();
        return Outcome.MATCH;
    }
}
