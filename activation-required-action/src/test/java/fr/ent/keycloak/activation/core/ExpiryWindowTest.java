package fr.ent.keycloak.activation.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.common.AcademicCalendar;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpiryWindowTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                // access of the 2025-2026 students ends 31 December 2026, 23:59:59 Paris (2026-12-31T23:00:00Z)
                "2026-11-15T10:00:00Z, 30, none", // 46 days before: not yet
                "2026-12-01T23:00:00Z, 30, 2025", // 30 days before, to the second
                "2026-12-01T22:59:59Z, 30, none",
                "2026-12-20T10:00:00Z, 30, 2025",
                "2026-12-31T22:59:59Z, 30, 2025", // the last second of access
                "2026-12-31T23:00:00Z, 30, none", // closed: nothing to warn about
                "2026-12-20T10:00:00Z, 7, none", // a shorter window
                "2026-12-25T10:00:00Z, 7, 2025",
                "2027-06-01T10:00:00Z, 30, none",
            })
    void warnsOnlyWithinTheWindowBeforeTheEndOfAccess(Instant now, int days, Integer expected) {
        assertThat(ExpiryWindow.endingYear(AcademicCalendar.defaults(), now, days))
                .isEqualTo(expected);
    }
}
