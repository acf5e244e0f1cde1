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
        StringBuilder canonical = new StringBuilder(256);
        for (Object field : new Object[] {
            studentNumber, login, ine, firstName, lastName, birthDate, personalEmail, lastAcademicYear, feePaidAt
        }) {
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
