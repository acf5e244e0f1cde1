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
            LocalDate alumniUntil,
            Integer lastAcademicYear) {

        /** A copy without an alumni extension, whose stored year is not known. */
        public Copy(boolean enabled, String fingerprint, String state, String disabledReason, Instant activatedAt) {
            this(enabled, fingerprint, state, disabledReason, activatedAt, null, null);
        }

        /** Whether the account is open now, as stored: enabled, and not closed by the lifecycle. */
        boolean open() {
            return enabled && !AccountState.EXPIRED.name().equals(state);
        }
    }

    /** A row that cannot become an account, by student number (never a name: this goes to the log). */
    public record Rejection(String studentNumber, String reason) {}

    /** The valid rows, and the rejected ones. */
    public record Validated(List<StudentRecord> valid, List<Rejection> rejected) {}

    /**
     * The students who vanished from the source, and whether they alone would stay within the share (the sync's guard
     * counts them with the accounts a changed row would close: {@link Closures}).
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
            if (copy == null || !record.matches(copy.fingerprint())) {
                changed.add(record);
                continue;
            }
            if (AccountState.EXPIRED.name().equals(copy.state())
                    && !StudentRecord.isMinimisedForm(copy.fingerprint())) {
                // a closed account still holding the full fingerprint (closed before it was minimised so): once
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
     * The students among the rows that need work whose account is open and would be closed <em>because their row
     * changed</em>: the row's last academic year ends their access now, where the year stored on the account did not
     * (a year moved into the past by a wrong view or script). A closure because the calendar passed 31 December is
     * expected and not among them: the stored year ends the access too. A copy whose stored year is unknown counts.
     *
     * @param changed the rows that need work ({@link #changed})
     * @param copies Keycloak's copies by login
     */
    public static List<String> closedByChange(
            List<StudentRecord> changed, Map<String, Copy> copies, StudentLifecycle lifecycle, Instant now) {
        List<String> closing = new ArrayList<>();
        for (StudentRecord record : changed) {
            Copy copy = copies.get(record.login());
            if (copy == null || !copy.open() || record.matches(copy.fingerprint())) {
                continue;
            }
            boolean closesNow = expired(lifecycle, copy, record.lastAcademicYear(), record, now);
            boolean closedAnyway =
                    copy.lastAcademicYear() != null && expired(lifecycle, copy, copy.lastAcademicYear(), record, now);
            if (closesNow && !closedAnyway) {
                closing.add(record.login());
            }
        }
        return closing;
    }

    private static boolean expired(
            StudentLifecycle lifecycle, Copy copy, Integer lastAcademicYear, StudentRecord record, Instant now) {
        return lifecycle
                        .standing(
                                new StudentFacts(
                                        true,
                                        lastAcademicYear,
                                        record.feePaidAt(),
                                        copy.activatedAt(),
                                        record.personalEmail(),
                                        copy.alumniUntil()),
                                now)
                        .state()
                == AccountState.EXPIRED;
    }

    /**
     * What one sync may close: the students who vanished (full sync) and those whose changed row closes them
     * ({@link #closedByChange}), together, against the source's open accounts. Over the share, it closes none of them.
     *
     * @param open how many of this source's accounts are open (enabled)
     * @param vanished the logins of the vanished students (none for a changed-users sync)
     * @param closedByChange the logins of the students their changed row would close
     * @param maxPercent the largest share one sync may close
     */
    public record Closures(int open, List<String> vanished, List<String> closedByChange, int maxPercent) {

        public int count() {
            return vanished.size() + closedByChange.size();
        }

        public boolean allowed() {
            return MassDisableGuard.allows(open, count(), maxPercent);
        }
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
