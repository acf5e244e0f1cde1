package fr.ent.keycloak.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicAddressTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "https://ent.umontpellier.fr, https://ent.umontpellier.fr",
                "https://ent.umontpellier.fr/, https://ent.umontpellier.fr",
                "' http://localhost:8080 ', http://localhost:8080",
                "https://ent.example.fr/auth/, https://ent.example.fr/auth",
                // none, blank, relative or not a URI: no address (the callers say what they do then)
                "-, -",
                "'  ', -",
                "/auth, -",
                "http://exa mple.fr, -",
            })
    void theRealmsFrontendUrlWithoutItsTrailingSlash(String frontendUrl, String expected) {
        assertThat(PublicAddress.of(frontendUrl).orElse(null))
                .isEqualTo(expected == null ? null : URI.create(expected));
    }
}
