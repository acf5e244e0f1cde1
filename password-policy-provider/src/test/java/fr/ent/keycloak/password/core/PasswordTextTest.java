package fr.ent.keycloak.password.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordTextTest {

    @ParameterizedTest(name = "{2}")
    @CsvSource({
        // an accent sent as a combining mark (NFD, some Apple keyboards) is the precomposed letter
        "'Cafe\u0301-Noe\u0308l-2024', 'Café-Noël-2024', decomposed accents",
        "'Café-Noël-2024',             'Café-Noël-2024', already composed: unchanged",
        // compatibility forms: full-width letters and digits, ligatures, a non-breaking space
        "'\uFF21\uFF42\uFF43\uFF11\uFF12', 'Abc12', full-width",
        "'\uFB01chier-9',              'fichier-9', ligature",
        "'mot\u00A0de passe 7',        'mot de passe 7', non-breaking space",
        // case and plain ASCII stay as typed
        "'Plain-ascii-42',             'Plain-ascii-42', ascii",
    })
    void aPasswordIsHashedAsThePersonMeantIt(String typed, String expected, String what) {
        assertThat(PasswordText.normalise(typed)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nothingStaysNothing() {
        assertThat(PasswordText.normalise(null)).isNull();
    }
}
