package fr.ent.keycloak.support;

/**
 * "At most {@code limit} events per {@code window}", counted in a shared store that only offers an atomic put-if-absent
 * with a lifespan (Keycloak's single-use object store, replicated across a cluster). Each event takes the first free
 * slot {@code key#1 … key#limit}; a slot frees itself when its lifespan ends. Two nodes racing for the last slot cannot
 * both take it, so the limit holds across the cluster, as a sliding window: an event is allowed when fewer than
 * {@code limit} happened in the {@code window} before it.
 */
public final class SlotLimiter {

    /** The shared store. */
    public interface SlotStore {
        /** Atomically stores {@code key} for {@code lifespanSeconds} unless present; true when this call stored it. */
        boolean putIfAbsent(String key, long lifespanSeconds);

        boolean contains(String key);

        /** Frees {@code key} at once (an event that did not happen after all). */
        void remove(String key);
    }

    private final SlotStore store;

    public SlotLimiter(SlotStore store) {
        this.store = store;
    }

    /**
     * Records one event if the limit allows it.
     *
     * @return true when the event is allowed (and now counted), false when {@code limit} events already fill the window
     */
    public boolean tryAcquire(String key, int limit, long windowSeconds) {
        return acquire(key, limit, windowSeconds) != null;
    }

    /**
     * Records one event if the limit allows it, as a slot that can be given back when the event does not happen after
     * all (an email the SMTP server refused must not use up the student's quota).
     *
     * @return the slot taken, or null when {@code limit} events already fill the window
     */
    public Slot acquire(String key, int limit, long windowSeconds) {
        for (int slot = 1; slot <= limit; slot++) {
            String slotKey = slotKey(key, slot);
            if (store.putIfAbsent(slotKey, windowSeconds)) {
                return new Slot(store, slotKey);
            }
        }
        return null;
    }

    /** One counted event. */
    public static final class Slot {
        private final SlotStore store;
        private final String key;

        private Slot(SlotStore store, String key) {
            this.store = store;
            this.key = key;
        }

        /** The event did not happen: the slot is free again for the next one. */
        public void release() {
            store.remove(key);
        }
    }

    /** Whether {@code limit} events already fill the window, without counting one. */
    public boolean exhausted(String key, int limit) {
        for (int slot = 1; slot <= limit; slot++) {
            if (!store.contains(slotKey(key, slot))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Frees every slot of {@code key} at once (a helpdesk operator who checked the student's identity lets them start
     * again from zero).
     *
     * @param upTo the limit in force: the slots beyond it are never looked at
     */
    public void clear(String key, int upTo) {
        for (int slot = 1; slot <= upTo; slot++) {
            store.remove(slotKey(key, slot));
        }
    }

    private static String slotKey(String key, int slot) {
        return key + '#' + slot;
    }
}
