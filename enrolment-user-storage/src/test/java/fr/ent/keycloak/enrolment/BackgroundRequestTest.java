package fr.ent.keycloak.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackgroundRequestTest {

    /** The issuer of a logout token sent by a periodic sync is built on this base: it must be absolute. */
    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "https://ent.umontpellier.fr, https://ent.umontpellier.fr/",
                "https://ent.umontpellier.fr/, https://ent.umontpellier.fr/",
                "' http://localhost:8080 ', http://localhost:8080/",
                "https://ent.example.fr/auth, https://ent.example.fr/auth/",
                // none, blank, relative or broken: the placeholder that the server's hostname option replaces
                "-, http://localhost/",
                "'  ', http://localhost/",
                "/auth, http://localhost/",
                "http://exa mple.fr, http://localhost/",
            })
    void theBaseIsTheRealmsPublicAddressOrThePlaceholder(String frontendUrl, String expected) {
        assertThat(BackgroundRequest.publicBase(frontendUrl)).isEqualTo(URI.create(expected));
    }
}
