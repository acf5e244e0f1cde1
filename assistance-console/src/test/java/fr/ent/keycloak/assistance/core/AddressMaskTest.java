package fr.ent.keycloak.assistance.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressMaskTest {

    @ParameterizedTest
    @CsvSource({
        "jean.dupont@example.fr, j•••@exa•••.fr",
        "j@ex.fr, j•••@ex•••.fr",
        "Zoe.Martin@mail.example.org, Z•••@mai•••.org",
        "nodomain@localhost, n•••@loc•••",
        "not-an-address, n•••",
        "'', ''"
    })
    void showsEnoughToConfirmNotToWrite(String address, String masked) {
        assertThat(AddressMask.mask(address)).isEqualTo(masked);
        if (address.indexOf('@') > 1) {
            assertThat(AddressMask.mask(address)).doesNotContain(address.substring(1, address.indexOf('@')));
        }
    }
}
