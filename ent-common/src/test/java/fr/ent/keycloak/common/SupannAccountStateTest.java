package fr.ent.keycloak.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupannAccountStateTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * Access for last academic year 2026 ends at midnight Paris time after 31 December 2027 (23:00 UTC); days are
     * counted in Paris: an activation at 23:30 UTC on 14 September is the 15th there.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "PENDING     | -                    | 2027-12-31T23:00:00Z | -          | {COMPTE}I | {COMPTE}I:::20271231",
                "ACTIVATABLE | -                    | 2027-12-31T23:00:00Z | -          | {COMPTE}I | {COMPTE}I:::20271231",
                "ACTIVATABLE | -                    | -                    | -          | {COMPTE}I | {COMPTE}I:::",
                "ACTIVE      | 2026-09-14T23:30:00Z | 2027-12-31T23:00:00Z | -          | {COMPTE}A"
                        + " | {COMPTE}A:SupannActif:20260915:20271231",
                "ACTIVE      | 1970-01-01T00:00:00Z | 2027-12-31T23:00:00Z | -          | {COMPTE}A"
                        + " | {COMPTE}A:SupannActif::20271231",
                "ACTIVE      | 2026-09-14T08:00:00Z | 2028-12-31T23:00:00Z | 2028-01-01 | {COMPTE}A"
                        + " | {COMPTE}A:SupannSursis:20280101:20281231",
                "EXPIRED     | 2026-09-14T08:00:00Z | 2027-12-31T23:00:00Z | -          | {COMPTE}I"
                        + " | {COMPTE}I:SupannExpire:20280101:",
                "EXPIRED     | -                    | -                    | -          | {COMPTE}I | {COMPTE}I:SupannExpire::",
            })
    void writesTheStateAsSupannDoes(
            AccountState state,
            Instant activatedAt,
            Instant accessEndsAt,
            LocalDate extendedFrom,
            String expectedState,
            String expectedDated) {
        SupannAccountState supann = SupannAccountState.of(state, activatedAt, accessEndsAt, extendedFrom, PARIS);
        assertThat(supann.state()).isEqualTo(expectedState);
        assertThat(supann.dated()).isEqualTo(expectedDated);
    }
}
