package fr.ent.keycloak.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A {@link Clock} that reads the milliseconds of a supplier. The Keycloak adapters pass Keycloak's own time
 * ({@code Time::currentTimeMillis}), so that the account calendar, the tokens and the sessions follow one clock, which
 * the integration tests can move.
 */
public final class MillisClock extends Clock {

    private final LongSupplier millis;
    private final ZoneId zone;

    /** A UTC clock reading {@code millis}. */
    public MillisClock(LongSupplier millis) {
        this(millis, ZoneOffset.UTC);
    }

    private MillisClock(LongSupplier millis, ZoneId zone) {
        this.millis = Objects.requireNonNull(millis, "millis");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MillisClock(millis, newZone);
    }

    @Override
    public long millis() {
        return millis.getAsLong();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.getAsLong());
    }
}
