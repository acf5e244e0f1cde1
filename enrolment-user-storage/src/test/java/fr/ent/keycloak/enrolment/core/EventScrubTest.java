package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventScrubTest {

    @ParameterizedTest(name = "{0} kept: {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                // who and where: gone
                "email,            false",
                "previous_email,   false",
                "updated_email,    false",
                "username,         false",
                "redirect_uri,     false",
                "identity_provider_identity, false",
                "code_id,          false",
                // the pack's own details, written without personal data, and Keycloak's technical ones: kept
                "ent_step,         true",
                "ent_outcome,      true",
                "entAction,        true",
                "entStudentNumber, true",
                "auth_method,      true",
                "grant_type,       true",
                "-,                false",
            })
    void onlyWhatSaysHowStays(String name, boolean kept) {
        assertThat(EventScrub.kept(name)).isEqualTo(kept);
    }

    @Test
    void theDetailsOfAResetLinkLoseTheAddress() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("auth_method", "openid-connect");
        details.put("email", "jeanne@example.org");
        details.put("username", "jdupont");
        details.put("ent_step", "reset");
        assertThat(EventScrub.scrub(details))
                .containsExactly(Map.entry("auth_method", "openid-connect"), Map.entry("ent_step", "reset"));
        assertThat(EventScrub.scrub(null)).isNull();
    }
}
