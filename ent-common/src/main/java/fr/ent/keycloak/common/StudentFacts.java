package fr.ent.keycloak.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * What the lifecycle needs to know of one student, as stored on the account.
 *
 * @param enabled whether the account is enabled
 * @param lastAcademicYear {@code supannEtuAnneeInscription}, null when unknown
 * @param feePaidAt {@code entFeePaidAt}, null when not paid
 * @param activatedAt when the student finished activation ({@code entCharterAcceptedAt}, written by the activation's
 *     last step only), null when never
 * @param personalEmail {@code supannMailPerso}, null when absent
 * @param alumniUntil {@code entAlumniUntil}: the last day of access the student chose to keep the account until as a
 *     former student, null when none
 */
public record StudentFacts(
        boolean enabled,
        Integer lastAcademicYear,
        Instant feePaidAt,
        Instant activatedAt,
        String personalEmail,
        LocalDate alumniUntil) {

    /** A student without an alumni extension. */
    public StudentFacts(
            boolean enabled, Integer lastAcademicYear, Instant feePaidAt, Instant activatedAt, String personalEmail) {
        this(enabled, lastAcademicYear, feePaidAt, activatedAt, personalEmail, null);
    }

    /**
     * From the account's attributes.
     *
     * @param attribute the account's first value of an attribute, or null
     */
    public static StudentFacts of(boolean enabled, Function<String, String> attribute) {
        return new StudentFacts(
                enabled,
                academicYear(attribute.apply(EntAttributes.LAST_ACADEMIC_YEAR)),
                AcademicCalendar.parseInstant(attribute.apply(EntAttributes.FEE_PAID_AT)),
                activatedAt(attribute),
                blankToNull(attribute.apply(EntAttributes.PERSONAL_EMAIL)),
                day(attribute.apply(EntAttributes.ALUMNI_UNTIL)));
    }

    /**
     * The single definition of "activated": the activation's last step recorded when the charter was accepted. Outside
     * an activation, only an activated student can accept a new charter version, so the record is never made otherwise;
     * it survives an expiry, so a student who enrols again is active again.
     */
    public static Instant activatedAt(Function<String, String> attribute) {
        String accepted = attribute.apply(EntAttributes.CHARTER_ACCEPTED_AT);
        if (accepted == null || accepted.isBlank()) {
            return null;
        }
        Instant at = AcademicCalendar.parseInstant(accepted);
        // a value written by hand that does not parse still says the charter was accepted
        return at == null ? Instant.EPOCH : at;
    }

    public boolean activated() {
        return activatedAt != null;
    }

    /** A stored {@code supannEtuAnneeInscription}: the start year, or null when absent or not a number. */
    public static Integer academicYear(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A stored day ({@code entAlumniUntil}, ISO {@code 2027-12-31}), or null when absent or unreadable. */
    public static LocalDate day(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
