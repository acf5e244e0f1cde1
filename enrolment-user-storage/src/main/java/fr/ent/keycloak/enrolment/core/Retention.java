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

    /** One closed account of the source, as the run sees it. */
    public record Account(String id, String studentNumber, boolean enabled, Instant accessEndsAt) {}

    /**
     * What a run does.
     *
     * @param due the accounts to delete
     * @param accounts the accounts of the source
     * @param allowed whether the run may delete them (the guard)
     */
    public record Plan(List<Account> due, int accounts, boolean allowed) {}

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
     * The accounts a run deletes now: disabled, and whose retention after the end of access has passed.
     *
     * @param accounts every account of the source ({@code accounts.size()} is the guard's base)
     */
    public static Plan plan(Collection<Account> accounts, int months, int maxPercent, ZoneId zone, Instant now) {
        List<Account> due = accounts.stream()
                .filter(account -> !account.enabled())
                .filter(account -> passed(account.accessEndsAt(), months, zone, now))
                .toList();
        return new Plan(due, accounts.size(), MassDisableGuard.allows(accounts.size(), due.size(), maxPercent));
    }
}
