package fr.ent.keycloak.enrolment.core;

import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.StudentFacts;
import fr.ent.keycloak.common.StudentLifecycle;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a sync does, decided before anything is written: which rows can become accounts (and why the others cannot),
 * which of them need work, and which students vanished from the source — unless too many did (the mass-disable guard).
 * Pure: the adapter reads the rows and Keycloak's copies, then applies the plan.
 */
public final class SyncPlan {

    /**
     * What Keycloak holds of one imported student, as far as the plan needs it.
     *
     * @param alumniUntil the last day of access the student chose as a former student, null when none: the pack's own
     *     fact, which the source does not hold
     */
    public record Copy(
            boolean enabled,
            String fingerprint,
            String state,
            String disabledReason,
            Instant activatedAt,
            LocalDate alumniUntil) {

        /** A copy without an alumni extension. */
        public Copy(boolean enabled, String fingerprint, String state, String disabledReason, Instant activatedAt) {
            this(enabled, fingerprint, state, disabledReason, activatedAt, null);
        }
    }

    /** A row that cannot become an account, by student number (never a name: this goes to the log). */
    public record Rejection(String studentNumber, String reason) {}

    /** The valid rows, and the rejected ones. */
    public record Validated(List<StudentRecord> valid, List<Rejection> rejected) {}

    /**
     * The students who vanished from the source, and whether the sync may disable them.
     *
     * @param imported how many students of this source are enabled
     */
    public record Vanished(List<String> logins, int imported, boolean allowed) {}

    private SyncPlan() {}

    /** Rows with a reading error, invalid values, or a student number or login already seen are rejected. */
    public static Validated validate(List<EnrolmentSource.Row> rows, RecordValidator validator) {
        Set<String> numbers = new HashSet<>();
        Set<String> logins = new HashSet<>();
        List<StudentRecord> valid = new ArrayList<>(rows.size());
        List<Rejection> rejected = new ArrayList<>();
        for (EnrolmentSource.Row row : rows) {
            String reason = row.error();
            StudentRecord record = row.record();
            if (reason == null) {
                reason = validator.rejection(record).orElse(null);
            }
            if (reason == null && !numbers.add(record.studentNumber())) {
                reason = "duplicate student number";
            }
            if (reason == null && !logins.add(record.login())) {
                reason = "duplicate login";
            }
            if (reason == null) {
                valid.add(record);
            } else {
                rejected.add(new Rejection(row.studentNumber(), reason));
            }
        }
        return new Validated(valid, rejected);
    }

    /**
     * The rows that need work: new students, changed rows, and students whose state the clock changed (activatable,
     * expired) or whose account is not enabled as it should be (an account an administrator disabled stays so). The
     * others — most of a nightly sync — are left alone.
     *
     * @param copies Keycloak's copies by login
     */
    public static List<StudentRecord> changed(
            List<StudentRecord> valid, Map<String, Copy> copies, StudentLifecycle lifecycle, Instant now) {
        List<StudentRecord> changed = new ArrayList<>();
        for (StudentRecord record : valid) {
            Copy copy = copies.get(record.login());
            if (copy == null || !record.fingerprint().equals(copy.fingerprint())) {
                changed.add(record);
                continue;
            }
            AccountState state = lifecycle
                    .standing(
                            new StudentFacts(
                                    copy.enabled(),
                                    record.lastAcademicYear(),
                                    record.feePaidAt(),
                                    copy.activatedAt(),
                                    record.personalEmail(),
                                    copy.alumniUntil()),
                            now)
                    .state();
            boolean shouldBeEnabled = state != AccountState.EXPIRED;
            boolean adminDisabled = !copy.enabled() && copy.disabledReason() == null;
            if (!state.name().equals(copy.state()) || (copy.enabled() != shouldBeEnabled && !adminDisabled)) {
                changed.add(record);
            }
        }
        return changed;
    }

    /**
     * @param enabledImported the logins of this source's enabled students
     * @param present the logins of the valid rows
     * @param maxPercent the largest share of them one sync may disable
     */
    public static Vanished vanished(Collection<String> enabledImported, Set<String> present, int maxPercent) {
        List<String> vanished = enabledImported.stream()
                .filter(login -> !present.contains(login))
                .toList();
        return new Vanished(
                vanished,
                enabledImported.size(),
                MassDisableGuard.allows(enabledImported.size(), vanished.size(), maxPercent));
    }
}
