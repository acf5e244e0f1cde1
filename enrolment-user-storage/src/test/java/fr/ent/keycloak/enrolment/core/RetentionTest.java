package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetentionTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Access for last academic year 2024 ended at midnight, Paris time, after 31 December 2025 (23:00 UTC). */
    private static final Instant ENDED = Instant.parse("2025-12-31T23:00:00Z");
    /** When an earlier run found the accounts of these tests due: more than 30 days before 2 January 2027. */
    private static final Instant SEEN_DUE = Instant.parse("2026-11-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource({
        // 12 months after midnight in Paris: 1 January 2027, 00:00 Paris = 31 December 2026, 23:00 UTC
        "12, 2026-12-31T22:59:59Z, false",
        "12, 2026-12-31T23:00:00Z, true",
        // across the change to summer time: 6 months later is 1 July 2026, 00:00 Paris = 30 June, 22:00 UTC
        "6, 2026-06-30T21:59:59Z, false",
        "6, 2026-06-30T22:00:00Z, true",
        // 0: never
        "0, 2099-01-01T00:00:00Z, false",
    })
    void theRetentionIsCountedInCalendarMonthsFromMidnightInParis(int months, Instant now, boolean passed) {
        assertThat(Retention.passed(ENDED, months, PARIS, now)).isEqualTo(passed);
    }

    @Test
    void anUnknownEndOfAccessIsNeverDue() {
        assertThat(Retention.passed(null, 12, PARIS, Instant.parse("2099-01-01T00:00:00Z")))
                .isFalse();
    }

    @Test
    void onlyDisabledAccountsPastTheirRetentionAreDue() {
        Instant now = Instant.parse("2027-01-02T00:00:00Z");
        List<Retention.Account> accounts = List.of(
                new Retention.Account("a", "1", false, ENDED, SEEN_DUE),
                // enabled (an administrator turned it back on): never deleted by the run
                new Retention.Account("b", "2", true, ENDED),
                // closed more recently
                new Retention.Account("c", "3", false, Instant.parse("2026-12-31T23:00:00Z")),
                new Retention.Account("d", "4", false, null),
                new Retention.Account("e", "5", true, Instant.parse("2027-12-31T23:00:00Z")));
        Retention.Plan plan = Retention.plan(accounts, 12, 40, 30, PARIS, now);
        assertThat(plan.due()).extracting(Retention.Account::id).containsExactly("a");
        assertThat(plan.accounts()).isEqualTo(5);
        assertThat(plan.allowed()).isTrue();
    }

    /**
     * Never deleted by the run that first finds an account due: a run marks it, and a run at least the grace period
     * later deletes it if it is still closed and past its retention; an account open again loses the mark. Columns:
     * enabled, when a run found it due (days before now, or none), the grace in days; what the run does.
     */
    @ParameterizedTest(name = "[{index}] enabled={0} found due {1} days ago, grace {2} → {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "false, -,   30, MARK", // first seen due: marked, not deleted
                "false, 0,   30, WAIT", // the same day, a second sync: still waiting
                "false, 29,  30, WAIT",
                "false, 30,  30, DELETE",
                "false, 400, 30, DELETE",
                "false, 1,   1,  DELETE",
                "false, -5,  30, MARK", // a mark in the future (a clock set back): marked again from now
                "true,  40,  30, UNMARK", // open again (enrolled again): the mark goes
                "true,  -,   30, NOTHING",
            })
    void anAccountIsDeletedOnlyAGracePeriodAfterARunFirstFoundItDue(
            boolean enabled, Integer daysAgo, int grace, String expected) {
        Instant now = Instant.parse("2027-01-02T00:00:00Z");
        Retention.Account account = new Retention.Account(
                "a", "1", enabled, ENDED, daysAgo == null ? null : now.minus(java.time.Duration.ofDays(daysAgo)));
        Retention.Plan plan = Retention.plan(List.of(account), 12, 100, grace, PARIS, now);
        String did = !plan.due().isEmpty()
                ? "DELETE"
                : !plan.toMark().isEmpty()
                        ? "MARK"
                        : !plan.toUnmark().isEmpty() ? "UNMARK" : enabled ? "NOTHING" : "WAIT";
        assertThat(did).isEqualTo(expected);
        // a dry run lists every closed account past its retention, whether it is deleted now or after the grace
        assertThat(plan.past()).hasSize(enabled ? 0 : 1);
    }

    @Test
    void aRowWhoseRetentionPassedIsNotImportedAgainUnlessItsAccountStillExists() {
        Instant now = Instant.parse("2027-01-02T00:00:00Z");
        List<StudentRecord> rows =
                List.of(row("deleted", 2024), row("stillthere", 2024), row("recent", 2025), row("unknown", null));
        List<StudentRecord> imported = Retention.toImport(
                rows, "stillthere"::equals, year -> Instant.parse((year + 1) + "-12-31T23:00:00Z"), 12, PARIS, now);
        assertThat(imported).extracting(StudentRecord::login).containsExactly("stillthere", "recent", "unknown");
        assertThat(Retention.toImport(rows, login -> false, year -> ENDED, 0, PARIS, now))
                .hasSize(4);
    }

    private static StudentRecord row(String login, Integer lastYear) {
        return new StudentRecord(
                "1",
                login,
                null,
                "Zoé",
                "Martin",
                java.time.LocalDate.of(2006, 3, 14),
                login + "@example.org",
                lastYear,
                null,
                null,
                null);
    }

    @Test
    void aRunThatWouldDeleteMoreThanTheShareIsRefused() {
        Instant now = Instant.parse("2027-01-02T00:00:00Z");
        List<Retention.Account> accounts = List.of(
                new Retention.Account("a", "1", false, ENDED, SEEN_DUE),
                new Retention.Account("b", "2", false, ENDED, SEEN_DUE),
                new Retention.Account("c", "3", true, null),
                new Retention.Account("d", "4", true, null));
        assertThat(Retention.plan(accounts, 12, 40, 30, PARIS, now).allowed()).isFalse();
        assertThat(Retention.plan(accounts, 12, 50, 30, PARIS, now).allowed()).isTrue();
        assertThat(Retention.plan(accounts, 0, 0, 30, PARIS, now).due()).isEmpty();
    }
}
