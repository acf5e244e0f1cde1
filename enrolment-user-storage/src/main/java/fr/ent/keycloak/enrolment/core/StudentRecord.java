package fr.ent.keycloak.enrolment.core;

import java.time.Instant;
import java.time.LocalDate;

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
        Instant updatedAt) {}
