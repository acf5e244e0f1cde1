package fr.ent.keycloak.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcademicCalendarTest {

    private final AcademicCalendar calendar = AcademicCalendar.defaults();

    @ParameterizedTest(name = "last academic year {0} expires at {1}")
    @CsvSource({
        // winter time in Paris: UTC+1, so midnight on 1 January is 23:00 UTC the day before
        "2025, 2026-12-31T23:00:00Z",
        "2024, 2025-12-31T23:00:00Z",
        "1999, 2000-12-31T23:00:00Z",
    })
    void accessEndsAtTheEndOfTheCalendarYearInWhichTheLastAcademicYearEnds(int lastAcademicYear, Instant expected) {
        assertThat(calendar.expiresAt(lastAcademicYear)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        // now,                   last year, fee paid at,            activated, expected
        "2025-09-01T10:00:00Z,    2025,      ,                       false,     PENDING",
        "2025-09-01T10:14:59Z,    2025,      2025-09-01T10:00:00Z,   false,     PENDING",
        "2025-09-01T10:15:00Z,    2025,      2025-09-01T10:00:00Z,   false,     ACTIVATABLE",
        "2025-09-02T10:00:00Z,    2025,      2025-09-01T10:00:00Z,   false,     ACTIVATABLE",
        "2025-09-02T10:00:00Z,    2025,      2025-09-01T10:00:00Z,   true,      ACTIVE",
        "2026-12-31T22:59:59Z,    2025,      2025-09-01T10:00:00Z,   true,      ACTIVE",
        "2026-12-31T23:00:00Z,    2025,      2025-09-01T10:00:00Z,   true,      EXPIRED",
        "2026-12-31T23:00:00Z,    2025,      ,                       false,     EXPIRED",
        "2027-03-01T00:00:00Z,    2026,      2026-09-01T10:00:00Z,   true,      ACTIVE",
        "2030-01-01T00:00:00Z,    ,          2026-09-01T10:00:00Z,   true,      ACTIVE",
    })
    void stateFollowsPaymentActivationAndCalendar(
            Instant now, Integer lastYear, Instant feePaidAt, boolean activated, AccountState expected) {
        assertThat(calendar.stateAt(now, lastYear, feePaidAt, activated)).isEqualTo(expected);
    }

    @Test
    void delayAndCutOffAreConfigurable() {
        AcademicCalendar custom = new AcademicCalendar(Duration.ofHours(1), MonthDay.of(10, 31), ZoneId.of("UTC"));

        assertThat(custom.activatableFrom(Instant.parse("2025-09-01T10:00:00Z")))
                .isEqualTo(Instant.parse("2025-09-01T11:00:00Z"));
        assertThat(custom.expiresAt(2025)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void cutOffOn29FebruaryFallsBackTo28InCommonYears() {
        AcademicCalendar custom = new AcademicCalendar(Duration.ZERO, MonthDay.of(2, 29), ZoneId.of("UTC"));

        assertThat(custom.expiresAt(2024)).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(custom.expiresAt(2027)).isEqualTo(Instant.parse("2028-03-01T00:00:00Z"));
    }

    @Test
    void negativeDelayIsRefused() {
        assertThatThrownBy(() -> new AcademicCalendar(Duration.ofMinutes(-1), MonthDay.of(12, 31), ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void storedAttributeValuesGiveTheSameStateAndBadValuesCountAsAbsent() {
        AcademicCalendar calendar = AcademicCalendar.defaults();
        Instant now = Instant.parse("2026-11-25T12:00:00Z");

        assertThat(calendar.stateAt(now, "2026", "2026-11-25T11:30:00Z", false)).isEqualTo(AccountState.ACTIVATABLE);
        assertThat(calendar.stateAt(now, "2026", "2026-11-25T11:50:00Z", false)).isEqualTo(AccountState.PENDING);
        assertThat(calendar.stateAt(now, "2024", "2024-09-01T00:00:00Z", true)).isEqualTo(AccountState.EXPIRED);
        assertThat(calendar.stateAt(now, "2026", "not a date", false)).isEqualTo(AccountState.PENDING);
        assertThat(calendar.stateAt(now, "deux mille", null, true)).isEqualTo(AccountState.ACTIVE);
    }
}
