package fr.ent.keycloak.assistance.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.common.AccountState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermDashboardTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void activationsFallOnTheUniversitysDays_andEveryDayOfTheWindowIsShown() {
        Instant now = Instant.parse("2026-09-14T10:00:00Z");
        List<TermDashboard.Day> days = TermDashboard.perDay(
                Map.of(
                        "2026-09-14T08", 5L,
                        // 23:00 UTC on the 13th is 01:00 on the 14th in Paris (summer time)
                        "2026-09-13T23", 2L,
                        "2026-09-13T21", 4L,
                        "2026-09-01T00", 7L,
                        // before the window, and not an hour at all
                        "2026-08-31T21", 100L,
                        "garbage", 9L),
                now,
                PARIS,
                14);
        assertThat(days).hasSize(14);
        assertThat(days.get(0)).isEqualTo(new TermDashboard.Day(LocalDate.of(2026, 9, 1), 7));
        assertThat(days.get(13)).isEqualTo(new TermDashboard.Day(LocalDate.of(2026, 9, 14), 7));
        assertThat(days.get(12)).isEqualTo(new TermDashboard.Day(LocalDate.of(2026, 9, 13), 4));
        assertThat(days.stream().mapToLong(TermDashboard.Day::count).sum()).isEqualTo(18);
    }

    @Test
    void winterTimeShiftsTheDayByOneHourOnly() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        List<TermDashboard.Day> days =
                TermDashboard.perDay(Map.of("2026-11-30T23", 1L, "2026-11-30T22", 1L), now, PARIS, 2);
        assertThat(days)
                .containsExactly(
                        new TermDashboard.Day(LocalDate.of(2026, 11, 30), 1),
                        new TermDashboard.Day(LocalDate.of(2026, 12, 1), 1));
    }

    @Test
    void everyStateIsListed_andStoredValuesThatAreNoStateAreLeftOut() {
        Map<AccountState, Long> states = TermDashboard.states(Map.of("ACTIVE", 12L, "PENDING", 3L, "BOGUS", 5L));
        assertThat(states)
                .containsEntry(AccountState.ACTIVE, 12L)
                .containsEntry(AccountState.PENDING, 3L)
                .containsEntry(AccountState.ACTIVATABLE, 0L)
                .containsEntry(AccountState.EXPIRED, 0L)
                .hasSize(AccountState.values().length);
        TermDashboard dashboard = new TermDashboard(states, List.of(), 0, 0, 0, 0, 0);
        assertThat(dashboard.total()).isEqualTo(15);
    }

    @Test
    void theQueryWindowStartsADayEarlierThanTheDaysShown() {
        assertThat(TermDashboard.since(Instant.parse("2026-09-14T10:30:00Z"), 14))
                .isEqualTo("2026-08-30T10");
    }

    /** Counts, the full length, the lengths of their bars. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "0,5,10     | 100 | 0,50,100",
                "1,1000     | 100 | 1,100",
                "0,0,0      | 100 | 0,0,0",
                "3          | 280 | 280",
                "2,3        | 100 | 67,100",
                "999,1000   | 10  | 10,10",
            })
    void barsAreInProportionAndANonZeroCountShows(String counts, int full, String lengths) {
        List<Long> values = java.util.Arrays.stream(counts.split(","))
                .map(String::trim)
                .map(Long::valueOf)
                .toList();
        List<Integer> expected = java.util.Arrays.stream(lengths.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
        assertThat(TermDashboard.lengths(values, full)).isEqualTo(expected);
    }
}
