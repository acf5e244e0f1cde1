package fr.ent.keycloak.enrolment.core;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;

/**
 * When a closed account is deleted (RGPD: kept no longer than needed). An account whose access ended is deleted once
 * the retention period has passed since its end of access — {@code months} calendar months, counted in the
 * university's time zone (the end of access is midnight there); 0 means never. A run that would delete more than
 * {@code maxPercent} of the source's accounts at once deletes nothing and reports: a wrong clock or a wrong setting
 * must not erase a university. The same rule keeps a row whose retention has passed from being imported again (no
 * import–delete loop).
 */
public final class Retention {

    /**
     * Default largest share of a source's accounts one run may delete: 40 %, above the share of students who leave in
     * a year (they are all deleted by the same run, a retention period after the same 31 December).
     */
    public static final int DEFAULT_MAX_PERCENT = 40;

    private Retention() {}

    /** Default number of days the pack must have seen an account due for deletion before deleting it. */
    public static final int DEFAULT_GRACE_DAYS = 30;

    /**
     * One account of the source, as the run sees it.
     *
     * @param dueSince when a run first found it closed and past its retention (the pack's own record), null when none
     *     did, or when it was open again since
     */
    public record Account(String id, String studentNumber, boolean enabled, Instant accessEndsAt, Instant dueSince) {

        /** An account no run has found due yet. */
        public Account(String id, String studentNumber, boolean enabled, Instant accessEndsAt) {
            this(id, studentNumber, enabled, accessEndsAt, null);
        }
    }

    /**
     * What a run does.
     *
     * @param due the accounts to delete now: past their retention, and found so by a run at least the grace period ago
     * @param accounts the accounts of the source
     * @param allowed whether the run may delete them (the guard)
     * @param past every closed account past its retention: what a dry run lists, due now or after the grace
     * @param toMark the accounts past their retention that no run had found so: marked now, deleted after the grace
     * @param toUnmark the accounts marked before that are no longer past their retention (open again: re-enrolled)
     */
    public record Plan(
            List<Account> due,
            int accounts,
            boolean allowed,
            List<Account> past,
            List<Account> toMark,
            List<Account> toUnmark) {}

    /** The first instant an account whose access ends at {@code accessEndsAt} may be deleted; null when never. */
    public static Instant deletableFrom(Instant accessEndsAt, int months, ZoneId zone) {
        if (accessEndsAt == null || months <= 0) {
            return null;
        }
        return ZonedDateTime.ofInstant(accessEndsAt, zone).plusMonths(months).toInstant();
    }

    /** Whether the retention after {@code accessEndsAt} has passed at {@code now}. */
    public static boolean passed(Instant accessEndsAt, int months, ZoneId zone, Instant now) {
        Instant from = deletableFrom(accessEndsAt, months, zone);
        return from != null && !now.isBefore(from);
    }

    /**
     * The rows of the source to import: all but those of students without an account whose retention has passed (their
     * account was deleted, or never existed); a student who still has an account goes through the sync as usual and is
     * deleted by the run that follows it.
     *
     * @param hasAccount whether a login has an account of this source
     * @param accessEndsAt the end of access of a last academic year
     */
    public static List<StudentRecord> toImport(
            List<StudentRecord> rows,
            java.util.function.Predicate<String> hasAccount,
            java.util.function.IntFunction<Instant> accessEndsAt,
            int months,
            ZoneId zone,
            Instant now) {
        if (months <= 0) {
            return rows;
        }
        return rows.stream()
                .filter(row -> hasAccount.test(row.login())
                        || row.lastAcademicYear() == null
                        || !passed(accessEndsAt.apply(row.lastAcademicYear()), months, zone, now))
                .toList();
    }

    /**
     * The accounts a run deletes now, marks and unmarks. An account is deleted only once a run of the pack has itself
     * seen it closed and past its retention, {@code graceDays} days ago or more, and sees it so again: never by the
     * run of the sync that closed it, so one bad export or a wrong setting is always recoverable within the grace.
     *
     * @param accounts every account of the source ({@code accounts.size()} is the guard's base)
     * @param graceDays at least 1
     */
    public static Plan plan(
            Collection<Account> accounts, int months, int maxPercent, int graceDays, ZoneId zone, Instant now) {
        java.util.List<Account> due = new java.util.ArrayList<>();
        java.util.List<Account> past = new java.util.ArrayList<>();
        java.util.List<Account> toMark = new java.util.ArrayList<>();
        java.util.List<Account> toUnmark = new java.util.ArrayList<>();
        java.time.Duration grace = java.time.Duration.ofDays(Math.max(1, graceDays));
        for (Account account : accounts) {
            boolean closedAndPast = !account.enabled() && passed(account.accessEndsAt(), months, zone, now);
            if (closedAndPast) {
                past.add(account);
            }
            if (!closedAndPast) {
                if (account.dueSince() != null) {
                    toUnmark.add(account);
                }
            } else if (account.dueSince() == null || account.dueSince().isAfter(now)) {
                toMark.add(account);
            } else if (!now.isBefore(account.dueSince().plus(grace))) {
                due.add(account);
            }
        }
        return new Plan(
                List.copyOf(due),
                accounts.size(),
                MassDisableGuard.allows(accounts.size(), due.size(), maxPercent),
                List.copyOf(past),
                List.copyOf(toMark),
                List.copyOf(toUnmark));
    }
}
