package fr.ent.keycloak.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MillisClockTest {

    @Test
    void followsItsSupplierInEveryZone() {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        MillisClock clock = new MillisClock(now::get);

        now.addAndGet(86_400_000L);

        assertThat(clock.instant()).isEqualTo(Instant.ofEpochMilli(1_700_086_400_000L));
        assertThat(clock.withZone(ZoneId.of("Europe/Paris")).millis()).isEqualTo(1_700_086_400_000L);
        assertThat(clock.withZone(ZoneId.of("Europe/Paris")).getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(clock.getZone().getId()).isEqualTo("Z");
    }
}
