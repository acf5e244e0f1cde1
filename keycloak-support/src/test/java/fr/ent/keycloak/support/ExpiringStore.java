package fr.ent.keycloak.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory store with expiring entries and a clock the test moves, like Keycloak's single-use objects. Shared with
 * the other modules' tests through this module's test jar.
 */
public final class ExpiringStore implements SlotLimiter.SlotStore {
    public final AtomicLong now = new AtomicLong();
    public final Map<String, Long> expiries = new ConcurrentHashMap<>();

    @Override
    public boolean putIfAbsent(String key, long lifespanSeconds) {
        expiries.computeIfPresent(key, (k, expiry) -> expiry <= now.get() ? null : expiry);
        return expiries.putIfAbsent(key, now.get() + lifespanSeconds) == null;
    }

    @Override
    public boolean contains(String key) {
        Long expiry = expiries.get(key);
        return expiry != null && expiry > now.get();
    }

    @Override
    public void remove(String key) {
        expiries.remove(key);
    }
}
