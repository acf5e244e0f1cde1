package fr.ent.keycloak.enrolment.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * One row of the enrolment relation, as read (not yet validated).
 *
 * @param studentNumber student number (SupAnn supannEtuId)
 * @param login ENT identifier, the Keycloak username
 * @param ine national student identifier, or null
 * @param firstName first name(s) as registered
 * @param lastName last name(s) as registered
 * @param birthDate birth date, or null
 * @param personalEmail where activation mail goes
 * @param lastAcademicYear start year of the latest academic year of enrolment, or null
 * @param programLabel programme of the latest enrolment, or null
 * @param feePaidAt when the enrolment fee was paid, null when not paid
 * @param updatedAt last change of the row
 */
public record StudentRecord(
        String studentNumber,
        String login,
        String ine,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String personalEmail,
        Integer lastAcademicYear,
        String programLabel,
        Instant feePaidAt,
        Instant updatedAt) {

    /**
     * A digest of everything Keycloak keeps from this row (not {@code updatedAt}, which changes alone): a sync compares
     * it with the one stored on the account and leaves an unchanged student alone.
     */
    public String fingerprint() {
        return digest(
                studentNumber, login, ine, firstName, lastName, birthDate, personalEmail, lastAcademicYear, feePaidAt);
    }

    /** What starts a {@link #minimisedFingerprint()} (the other form never holds a dot). */
    static final String MINIMISED_FORM = "m.";

    /**
     * The fingerprint a closed account keeps once its personal data is removed: over what the account still holds (the
     * student number, the login, the names, the year, the payment), never over the birth date, the INE or the personal
     * address. An unsalted digest over those would let anyone who reads the closed account and knows the INE and the
     * address find the birth date in a few tens of thousands of guesses.
     */
    public String minimisedFingerprint() {
        return MINIMISED_FORM
                + digest(
                        studentNumber,
                        login == null ? null : login.toLowerCase(java.util.Locale.ROOT),
                        firstName,
                        lastName,
                        lastAcademicYear,
                        feePaidAt);
    }

    /** Whether {@code stored}, a fingerprint kept on an account, is this row's: in full, or in the minimised form. */
    public boolean matches(String stored) {
        return stored != null && (stored.equals(isMinimisedForm(stored) ? minimisedFingerprint() : fingerprint()));
    }

    /** Whether a stored fingerprint is the minimised form, which holds nothing minimisation removed. */
    public static boolean isMinimisedForm(String stored) {
        return stored != null && stored.startsWith(MINIMISED_FORM);
    }

    private static String digest(Object... fields) {
        StringBuilder canonical = new StringBuilder(256);
        for (Object field : fields) {
            canonical.append(field == null ? "\u0001" : field.toString()).append('\u0000');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
