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
                new Retention.Account("a", "1", false, ENDED),
                // enabled (an administrator turned it back on): never deleted by the run
                new Retention.Account("b", "2", true, ENDED),
                // closed more recently
                new Retention.Account("c", "3", false, Instant.parse("2026-12-31T23:00:00Z")),
                new Retention.Account("d", "4", false, null),
                new Retention.Account("e", "5", true, Instant.parse("2027-12-31T23:00:00Z")));
        Retention.Plan plan = Retention.plan(accounts, 12, 40, PARIS, now);
        assertThat(plan.due()).extracting(Retention.Account::id).containsExactly("a");
        assertThat(plan.accounts()).isEqualTo(5);
        assertThat(plan.allowed()).isTrue();
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
                new Retention.Account("a", "1", false, ENDED),
                new Retention.Account("b", "2", false, ENDED),
                new Retention.Account("c", "3", true, null),
                new Retention.Account("d", "4", true, null));
        assertThat(Retention.plan(accounts, 12, 40, PARIS, now).allowed()).isFalse();
        assertThat(Retention.plan(accounts, 12, 50, PARIS, now).allowed()).isTrue();
        assertThat(Retention.plan(accounts, 0, 0, PARIS, now).due()).isEmpty();
    }
}
