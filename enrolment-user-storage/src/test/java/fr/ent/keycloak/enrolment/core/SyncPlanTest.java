package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.common.LifecycleSettings;
import fr.ent.keycloak.common.StudentLifecycle;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyncPlanTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final StudentLifecycle LIFECYCLE = new StudentLifecycle(LifecycleSettings.defaults());

    private static StudentRecord student(String number, String login, Integer year, Instant paid) {
        return new StudentRecord(
                number,
                login,
                null,
                "Léa",
                "Martin",
                LocalDate.of(2006, 3, 14),
                login + "@example.org",
                year,
                "Licence",
                paid,
                Instant.parse("2026-09-01T10:00:00Z"));
    }

    @Test
    void rowsThatCannotBecomeAccountsAreRejectedWithTheirReason() {
        StudentRecord lea = student("22500001", "lmartin", 2026, null);
        List<EnrolmentSource.Row> rows = List.of(
                EnrolmentSource.Row.of(lea),
                EnrolmentSource.Row.unreadable("22500002", "unreadable birth date"),
                EnrolmentSource.Row.of(student("22500001", "other", 2026, null)),
                EnrolmentSource.Row.of(student("22500003", "lmartin", 2026, null)),
                EnrolmentSource.Row.of(student("22500004", "", 2026, null)));
        SyncPlan.Validated plan = SyncPlan.validate(rows, new RecordValidator(Clock.fixed(NOW, ZoneOffset.UTC)));
        assertThat(plan.valid()).containsExactly(lea);
        assertThat(plan.rejected())
                .extracting(SyncPlan.Rejection::studentNumber, SyncPlan.Rejection::reason)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("22500002", "unreadable birth date"),
                        org.assertj.core.groups.Tuple.tuple("22500001", "duplicate student number"),
                        org.assertj.core.groups.Tuple.tuple("22500003", "duplicate login"));
        assertThat(plan.rejected()).hasSize(4);
    }

    /**
     * One row against Keycloak's copy: whether the sync must touch the account. Columns: the copy (absent, same
     * fingerprint, the same in the minimised form a closed account keeps, or another), its stored state, enabled, disabled by whom, activated; the row's last year and minutes
     * since payment; the answer.
     */
    @ParameterizedTest(name = "[{index}] copy={0} state={1} enabled={2} reason={3} activated={4} → {7}")
    @CsvSource(
            nullValues = "-",
            value = {
                "absent, -,           true,  -,       false, 2026, 1440, true", // new student
                "other,  ACTIVATABLE, true,  -,       false, 2026, 1440, true", // the row changed
                "same,   ACTIVATABLE, true,  -,       false, 2026, 1440, false", // nothing changed
                "same,   PENDING,     true,  -,       false, 2026, 1440, true", // the 15 minutes passed
                "same,   PENDING,     true,  -,       false, 2026, 5,    false", // not yet
                "same,   ACTIVE,      true,  -,       true,  2026, 1440, false",
                "same,   ACTIVATABLE, true,  -,       true,  2026, 1440, true", // activated: state to fix
                "same,   ACTIVE,      true,  -,       true,  2024, 1440, true", // access ended: expire
                "kept,   EXPIRED,     false, EXPIRED, true,  2024, 1440, false", // already expired, disabled, minimised
                "same,   ACTIVE,      false, -,       true,  2026, 1440, false", // an administrator disabled it
                "same,   ACTIVE,      false, LEFT,    true,  2026, 1440, true", // back in the source: enable again
            })
    void whichRowsNeedWork(
            String copyKind,
            String state,
            boolean enabled,
            String disabledReason,
            boolean activated,
            int year,
            int paidMinutesAgo,
            boolean needsWork) {
        StudentRecord row = student("22500001", "lmartin", year, NOW.minusSeconds(60L * paidMinutesAgo));
        Map<String, SyncPlan.Copy> copies = switch (copyKind) {
            case "absent" -> Map.of();
            default ->
                Map.of(
                        "lmartin",
                        new SyncPlan.Copy(
                                enabled,
                                switch (copyKind) {
                                    case "same" -> row.fingerprint();
                                    case "kept" -> row.minimisedFingerprint();
                                    default -> "another";
                                },
                                state,
                                disabledReason,
                                activated ? Instant.parse("2026-09-10T10:00:00Z") : null));
        };
        assertThat(SyncPlan.changed(List.of(row), copies, LIFECYCLE, NOW)).hasSize(needsWork ? 1 : 0);
    }

    /**
     * A former student who chose to keep the account (the alumni choice, held by Keycloak, not by the source): the
     * last academic year 2024 ended on 31 December 2025, yet the account stays active until the day chosen. Columns:
     * stored state, enabled, disabled by whom, extended until; the answer.
     */
    @ParameterizedTest(name = "[{index}] state={0} enabled={1} until={3} → {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                "ACTIVE,  true,  -,       2026-12-31, false", // extended: left alone
                "ACTIVE,  true,  -,       2025-12-31, true", // no later than the plain end: expire
                "ACTIVE,  true,  -,       -,          true", // no extension: expire
                "EXPIRED, false, EXPIRED, 2026-12-31, true", // the extension came after a wrong expiry: open again
            })
    void anAlumniExtensionKeepsTheAccountOpen(
            String state, boolean enabled, String disabledReason, String until, boolean needsWork) {
        StudentRecord row = student("22500002", "lpetit", 2024, NOW.minusSeconds(86_400L * 400));
        Map<String, SyncPlan.Copy> copies = Map.of(
                "lpetit",
                new SyncPlan.Copy(
                        enabled,
                        row.fingerprint(),
                        state,
                        disabledReason,
                        Instant.parse("2024-09-10T10:00:00Z"),
                        until == null ? null : java.time.LocalDate.parse(until),
                        2024));
        assertThat(SyncPlan.changed(List.of(row), copies, LIFECYCLE, NOW)).hasSize(needsWork ? 1 : 0);
    }

    /** Enabled students, students in the source, the share allowed: who vanished, and whether they may be disabled. */
    @ParameterizedTest
    @CsvSource({
        "'a b c d e f g h i j', 'a b c d e f g h i j', 10, '', true",
        "'a b c d e f g h i j', 'a b c d e f g h i', 10, 'j', true",
        "'a b c d e f g h i j', 'a b c d e f g h', 10, 'i j', false",
        "'a b c d e f g h i j', '', 10, 'a b c d e f g h i j', false",
        "'a b c d e f g h i j', 'a b c d e f g h', 20, 'i j', true",
        "'', 'a', 10, '', true"
    })
    void whoVanishedAndTheGuard(String enabled, String present, int maxPercent, String vanished, boolean allowed) {
        SyncPlan.Vanished plan = SyncPlan.vanished(words(enabled), Set.copyOf(words(present)), maxPercent);
        assertThat(plan.logins()).containsExactlyElementsOf(words(vanished));
        assertThat(plan.allowed()).isEqualTo(allowed);
        assertThat(plan.imported()).isEqualTo(words(enabled).size());
    }

    /**
     * A closed account keeps the minimised fingerprint: its unchanged row leaves it alone; one still holding the full
     * fingerprint (closed before) is worked once, which makes it minimised.
     */
    @ParameterizedTest(name = "[{index}] stored form {0} → needs work {1}")
    @CsvSource({"minimised, false", "full, true", "other, true"})
    void aClosedAccountKeepsOnlyTheMinimisedFingerprint(String stored, boolean needsWork) {
        StudentRecord row = student("22500010", "lclosed", 2024, NOW.minusSeconds(86_400L * 400));
        String fingerprint = switch (stored) {
            case "minimised" -> row.minimisedFingerprint();
            case "full" -> row.fingerprint();
            default -> "m.another";
        };
        Map<String, SyncPlan.Copy> copies = Map.of(
                "lclosed",
                new SyncPlan.Copy(
                        false, fingerprint, "EXPIRED", "EXPIRED", Instant.parse("2024-09-10T10:00:00Z"), null, 2024));
        assertThat(SyncPlan.changed(List.of(row), copies, LIFECYCLE, NOW)).hasSize(needsWork ? 1 : 0);
    }

    /**
     * The guard's second half: an open account whose changed row closes it now, where the year stored on it did not
     * (a wrong export), against one the calendar closes anyway (expected, not counted). On 25 November 2026, the last
     * academic year 2025 gives access until 31 December 2026, 2024 until 31 December 2025. Columns: the year stored on
     * the account, its state, enabled, the row's year, whether the row changed; counted.
     */
    @ParameterizedTest(name = "[{index}] stored {0} {1} enabled={2}, row {3} changed={4} → counted {5}")
    @CsvSource(
            nullValues = "-",
            value = {
                "2025, ACTIVE,      true,  2024, true,  true", // the year moved into the past: a wrong export
                "2025, ACTIVATABLE, true,  2019, true,  true",
                "-,    ACTIVE,      true,  2024, true,  true", // nothing stored to compare: counted
                "2025, ACTIVE,      true,  2025, true,  false", // another column changed; still open
                "2025, ACTIVE,      true,  2026, true,  false", // enrolled again
                "2024, ACTIVE,      true,  2024, true,  false", // the calendar closes it anyway: expected
                "2024, ACTIVE,      true,  2020, true,  false", // closed anyway, whatever the row says
                "2025, EXPIRED,     false, 2024, true,  false", // already closed
                "2025, ACTIVE,      false, 2024, true,  false", // disabled by an administrator: not open
                "2025, ACTIVE,      true,  2024, false, false", // same row (fingerprint): not a change
            })
    void aRowThatMovesTheYearIntoThePastCountsAsAClosure_theCalendarDoesNot(
            Integer storedYear, String state, boolean enabled, int rowYear, boolean changed, boolean counted) {
        StudentRecord row = student("22500009", "lclose", rowYear, NOW.minusSeconds(86_400L * 400));
        Map<String, SyncPlan.Copy> copies = Map.of(
                "lclose",
                new SyncPlan.Copy(
                        enabled,
                        changed ? "another" : row.fingerprint(),
                        state,
                        null,
                        Instant.parse("2025-09-10T10:00:00Z"),
                        null,
                        storedYear));
        assertThat(SyncPlan.closedByChange(List.of(row), copies, LIFECYCLE, NOW))
                .isEqualTo(counted ? List.of("lclose") : List.of());
    }

    @ParameterizedTest(name = "[{index}] {0} open, {1} vanished, {2} moved, {3} % → allowed {4}")
    @CsvSource({
        "30, 0, 0,  10, true",
        "30, 3, 0,  10, true",
        "30, 0, 3,  10, true",
        // together they exceed what either alone would: a third of the students moved into the past
        "30, 2, 2,  10, false",
        "30, 0, 10, 10, false",
        "30, 0, 10, 40, true",
        "0,  0, 0,  10, true",
    })
    void vanishedAndMovedStudentsAreCountedTogether(
            int open, int vanished, int moved, int maxPercent, boolean allowed) {
        SyncPlan.Closures closures = new SyncPlan.Closures(
                open,
                java.util.Collections.nCopies(vanished, "v"),
                java.util.Collections.nCopies(moved, "m"),
                maxPercent);
        assertThat(closures.count()).isEqualTo(vanished + moved);
        assertThat(closures.allowed()).isEqualTo(allowed);
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.split(" "));
    }
}
