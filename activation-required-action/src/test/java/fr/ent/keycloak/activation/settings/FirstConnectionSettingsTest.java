package fr.ent.keycloak.activation.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirstConnectionSettingsTest {

    @ParameterizedTest(name = "{1} waiting, limit {0} → takes one more: {2}")
    @CsvSource({
        // below the limit: queued for the background work
        "500, 0,   true",
        "500, 499, true",
        // at or beyond it (a pool can hold more than the limit: requests checked at the same instant): refused, 503
        "500, 500, false",
        "500, 750, false",
        // the smallest limit: one waiting request at most
        "1,   0,   true",
        "1,   1,   false",
    })
    void aNodeTakesRequestsWhileFewerThanTheLimitWait(int limit, int waiting, boolean takes) {
        assertThat(new FirstConnectionSettings(5, 30, limit).takesOneMore(waiting))
                .isEqualTo(takes);
    }
}
