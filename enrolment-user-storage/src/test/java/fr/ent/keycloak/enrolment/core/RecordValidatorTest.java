package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordValidatorTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private final RecordValidator validator = new RecordValidator(NOW);

    private static StudentRecord valid() {
        return new StudentRecord(
                "22500001",
                "lmartin",
                "0123456789A",
                "Léa",
                "Martin",
                LocalDate.of(2006, 3, 14),
                "lea.martin@example.org",
                2026,
                "Licence Informatique",
                Instant.parse("2026-09-01T10:00:00Z"),
                Instant.parse("2026-09-01T10:00:00Z"));
    }

    @Test
    void aCompleteRowIsAccepted() {
        assertThat(validator.rejection(valid())).isEmpty();
    }

    @Test
    void optionalFieldsMayBeMissing() {
        StudentRecord r = valid();
        assertThat(validator.rejection(new StudentRecord(
                        r.studentNumber(),
                        r.login(),
                        null,
                        r.firstName(),
                        r.lastName(),
                        null,
                        r.personalEmail(),
                        null,
                        null,
                        null,
                        null)))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "studentNumber | ''              | student number",
                "studentNumber | 225 00001       | student number",
                "login         | ''              | missing login",
                "login         | L.Martin        | invalid login",
                "login         | a               | invalid login",
                "login         | lmartin'--      | invalid login",
                "ine           | 123             | INE",
                "firstName     | ''              | name",
                "lastName      | Mar\u0000tin    | name",
                "lastName      | Mart\uFFFDn     | name",
                "email         | not-an-email    | personal email",
                "email         | a@b             | personal email",
                "email         | lea@exa mple.org| personal email",
                "birthDate     | 1850-01-01      | birth date",
                "birthDate     | 2030-01-01      | birth date",
                "year          | 1900            | academic year",
            })
    void badRowsAreRejectedWithAReason(String field, String value, String reason) {
        StudentRecord r = valid();
        StudentRecord bad = new StudentRecord(
                field.equals("studentNumber") ? value : r.studentNumber(),
                field.equals("login") ? value : r.login(),
                field.equals("ine") ? value : r.ine(),
                field.equals("firstName") ? value : r.firstName(),
                field.equals("lastName") ? value : r.lastName(),
                field.equals("birthDate") ? LocalDate.parse(value) : r.birthDate(),
                field.equals("email") ? value : r.personalEmail(),
                field.equals("year") ? Integer.valueOf(value) : r.lastAcademicYear(),
                r.programLabel(),
                r.feePaidAt(),
                r.updatedAt());

        assertThat(validator.rejection(bad))
                .hasValueSatisfying(why -> assertThat(why).contains(reason));
    }

    @Test
    void aTenKilobyteNameIsRejected() {
        StudentRecord r = valid();
        StudentRecord bad = new StudentRecord(
                r.studentNumber(),
                r.login(),
                r.ine(),
                "x".repeat(10_240),
                r.lastName(),
                r.birthDate(),
                r.personalEmail(),
                r.lastAcademicYear(),
                r.programLabel(),
                r.feePaidAt(),
                r.updatedAt());

        assertThat(validator.rejection(bad))
                .hasValueSatisfying(why -> assertThat(why).contains("too long"));
    }
}
