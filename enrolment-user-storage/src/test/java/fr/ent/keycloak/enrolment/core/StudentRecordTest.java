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

    /**
     * The fingerprint a closed account keeps holds nothing that minimisation removed: another birth date, INE or personal
     * address gives the same one (so it cannot be used to guess them), a change of what the account keeps does not.
     */
    @Test
    void theMinimisedFingerprintHoldsNothingMinimisationRemoved() {
        Instant paid = Instant.parse("2025-09-01T10:00:00Z");
        StudentRecord row = record("Jeanne", "1234567890A", paid, null);
        String kept = row.minimisedFingerprint();
        StudentRecord otherPersonalData = new StudentRecord(
                "22000001",
                "JDupont",
                "9876543210Z",
                "Jeanne",
                "Dupont",
                LocalDate.of(1999, 12, 31),
                "ailleurs@example.net",
                2025,
                "Master",
                paid,
                Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(otherPersonalData.minimisedFingerprint())
                .as("birth date, INE, address, programme, login case")
                .isEqualTo(kept);
        assertThat(otherPersonalData.fingerprint()).isNotEqualTo(row.fingerprint());
        assertThat(record("Jeanne-Marie", "1234567890A", paid, null).minimisedFingerprint())
                .isNotEqualTo(kept);
        assertThat(record("Jeanne", "1234567890A", paid.plusSeconds(1), null).minimisedFingerprint())
                .isNotEqualTo(kept);
        assertThat(kept).startsWith("m.").isNotEqualTo(row.fingerprint());
        assertThat(StudentRecord.isMinimisedForm(kept)).isTrue();
        assertThat(StudentRecord.isMinimisedForm(row.fingerprint())).isFalse();
    }

    @Test
    void aRowMatchesItsFingerprintInEitherForm() {
        StudentRecord row = record("Jeanne", null, null, null);
        assertThat(row.matches(row.fingerprint())).isTrue();
        assertThat(row.matches(row.minimisedFingerprint())).isTrue();
        assertThat(row.matches(record("Jeanne-Marie", null, null, null).minimisedFingerprint()))
                .isFalse();
        assertThat(row.matches(record("Jeanne-Marie", null, null, null).fingerprint()))
                .isFalse();
        assertThat(row.matches(null)).isFalse();
    }
}
