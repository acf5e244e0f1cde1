package fr.ent.keycloak.password.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "Éléphant, elephant",
        "ÇA VA, ca va",
        "Straße, strasse",
        "Œuvre, oeuvre",
        "Łódź, lodz",
        "ＡＢＣ１２３, abc123",
        "pаssword, password", // Cyrillic а
        "ΑΒΓ, abγ", // Greek capitals: look-alikes mapped, the others only lower-cased
    })
    void foldsCaseAccentsCompatibilityFormsAndLookAlikes(String text, String expected) {
        assertThat(Canonical.fold(Canonical.nfkc(text))).isEqualTo(expected);
    }

    @Test
    void fastLatinPathAgreesWithTheGeneralOne() {
        for (char c = 0; c < 0x250; c++) {
            String one = "x" + c + "y";
            assertThat(Canonical.fold(one)).as("U+%04X", (int) c).isEqualTo(Canonical.foldSlowly(one));
            assertThat(Canonical.nfkc(one))
                    .as("U+%04X", (int) c)
                    .isEqualTo(Normalizer.normalize(one, Normalizer.Form.NFKC));
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"p@ssw0rd, password", "s0l31l, soleil", "7r4v41l, travail", "$up3r, super", "b0nj0ur, bonjour"})
    void readsLeetspeakAsLetters(String text, String expected) {
        assertThat(Canonical.leet(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "soleil2024, soleil2024",
        "password123, password123",
        "pa55word, password",
        "b0nj0ur99, bonjourgg",
        "chat 11, chat 11"
    })
    void runsOfThreeDigitsOrMoreStayNumbers(String text, String expected) {
        assertThat(Canonical.leet(text)).isEqualTo(expected);
    }

    @Test
    void ambiguousLeetCharactersAreReadBothWays() {
        assertThat(Canonical.leetVariants("he11o")).containsExactlyInAnyOrder("heiio", "helio", "heilo", "hello");
        assertThat(Canonical.leetVariants("abc")).containsExactly("abc");
    }

    @Test
    void ambiguousReadingsAreCappedSoThatLongInputsStayCheap() {
        assertThat(Canonical.leetVariants("a" + "!".repeat(100))).hasSize(8);
    }

    @ParameterizedTest(name = "{0} → [{1}]")
    @CsvSource({"soleil2024!, soleil", "!!chat, chat", "2024, ''", "a1b, a1b", "été!, été"})
    void coreDropsLeadingAndTrailingDigitsAndSymbols(String text, String expected) {
        assertThat(Canonical.core(text)).isEqualTo(expected);
    }
}
