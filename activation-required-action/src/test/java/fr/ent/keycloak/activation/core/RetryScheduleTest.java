package fr.ent.keycloak.activation.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryScheduleTest {

    private static final Instant FAILED = Instant.parse("2026-09-01T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "6, 32", "7, 60", "20, 60", "1000, 60"})
    void theDelayDoublesUpToAnHour(int failures, int minutes) {
        assertThat(RetrySchedule.nextAttempt(failures, FAILED)).isEqualTo(FAILED.plusSeconds(60L * minutes));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void thereIsNoRetryBeforeAFailure(int failures) {
        assertThatThrownBy(() -> RetrySchedule.nextAttempt(failures, FAILED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "         , 2026-09-01T10:00:00Z, true",
        "2026-09-01T10:04:00Z, 2026-09-01T10:03:59Z, false",
        "2026-09-01T10:04:00Z, 2026-09-01T10:04:00Z, true",
        "2026-09-01T10:04:00Z, 2026-09-01T11:00:00Z, true"
    })
    void aRetryIsDueOnceItsTimeCame(Instant retryAt, Instant now, boolean due) {
        assertThat(RetrySchedule.due(retryAt, now)).isEqualTo(due);
    }
}
