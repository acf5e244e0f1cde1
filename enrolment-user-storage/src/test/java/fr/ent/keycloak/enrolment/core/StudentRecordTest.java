package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StudentRecordTest {

    private static StudentRecord record(String firstName, String ine, Instant paid, Instant updated) {
        return new StudentRecord(
                "22000001",
                "jdupont",
                ine,
                firstName,
                "Dupont",
                LocalDate.of(2005, 4, 1),
                "jeanne@example.org",
                2025,
                "Licence",
                paid,
                updated);
    }

    @Test
    void fingerprintFollowsWhatKeycloakKeepsAndNothingElse() {
        Instant paid = Instant.parse("2025-09-01T10:00:00Z");
        String base = record("Jeanne", null, paid, Instant.parse("2025-09-02T00:00:00Z"))
                .fingerprint();

        assertThat(record("Jeanne", null, paid, Instant.parse("2026-01-01T00:00:00Z"))
                        .fingerprint())
                .as("updated_at alone")
                .isEqualTo(base);
        assertThat(record("Jeanne", null, paid.plusSeconds(1), null).fingerprint())
                .isNotEqualTo(base);
        assertThat(record("Jeanne-Marie", null, paid, null).fingerprint()).isNotEqualTo(base);
        assertThat(record("Jeanne", "", paid, null).fingerprint())
                .as("empty is not absent")
                .isNotEqualTo(base);
        assertThat(record("Jeanne", null, null, null).fingerprint()).isNotEqualTo(base);
        assertThat(base).hasSize(43).matches("[A-Za-z0-9_-]+");
    }
}
