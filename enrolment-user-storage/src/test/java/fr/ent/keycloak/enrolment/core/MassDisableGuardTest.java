package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MassDisableGuardTest {

    @ParameterizedTest(name = "{1} of {0} at most {2} % → {3}")
    @CsvSource({
        "1000, 0,    10, true",
        "1000, 100,  10, true",
        "1000, 101,  10, false",
        "1000, 1000, 10, false",
        "20,   1,    10, true",
        "20,   3,    10, false",
        "0,    0,    10, true",
        "0,    1,    10, false",
        "1000, 1000, 100, true",
        "1000, 1,    0,  false",
    })
    void allowsAtMostTheConfiguredShare(int imported, int toDisable, int maxPercent, boolean allowed) {
        assertThat(MassDisableGuard.allows(imported, toDisable, maxPercent)).isEqualTo(allowed);
    }
}
