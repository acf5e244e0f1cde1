package fr.ent.keycloak.password.core;

import static fr.ent.keycloak.password.core.Violation.CONTEXT_WORDS;
import static fr.ent.keycloak.password.core.Violation.CONTROL_CHARACTERS;
import static fr.ent.keycloak.password.core.Violation.DICTIONARY;
import static fr.ent.keycloak.password.core.Violation.FORBIDDEN_CHARACTERS;
import static fr.ent.keycloak.password.core.Violation.NO_DIGIT;
import static fr.ent.keycloak.password.core.Violation.PATTERN;
import static fr.ent.keycloak.password.core.Violation.PERSONAL_DATA;
import static fr.ent.keycloak.password.core.Violation.TOO_LONG;
import static fr.ent.keycloak.password.core.Violation.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ENT rules with the dictionary shipped in the jar. */
class PasswordCheckerTest {

    private static final PasswordChecker CHECKER = new PasswordChecker(shippedDictionary());
    private static final PersonalData LEA = new PersonalData(
            "lmartin", "Léa", "Martin", "22500001", "20060314", List.of("lea.martin@example.org", "lmartin@univ.fr"));

    private static PasswordDictionary shippedDictionary() {
        try {
            return new DictionaryLoader().addBuiltIn().build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> keys(String password) {
        return keys(password, PasswordRulesConfig.DEFAULTS, PersonalData.NONE);
    }

    private static List<String> keys(String password, PasswordRulesConfig config, PersonalData personal) {
        return CHECKER.check(password, config, personal).stream()
                .map(Violation::key)
                .toList();
    }

    @ParameterizedTest(name = "accepted: {0}")
    @ValueSource(
            strings = {
                // random strong passwords
                "xK9#mP2vLq7w",
                "Tq8!zR4wNc2u",
                "7hG2kLp9Qx1z",
                "wB3%nT6yHq",
                // passphrases: several words, none covering half
                "cheval-agrafe-batterie-correct7",
                "Le chat dort sur 3 tapis",
                "maison bleue jardin 42 vélo",
                "Mon café est froid 2 fois",
                // letters of other scripts count as letters
                "ωψ9ζξλ7φ",
                "Дом9книга7",
                // emoji
                "🐱Zq7🐶xw9🐭",
            })
    void strongPasswordsAndPassphrasesPass(String password) {
        assertThat(keys(password)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // length: counted in code points after NFKC
                "Zq9!w       | entPasswordTooShort",
                "zq9wxkr     | entPasswordTooShort",
                // a letter and a digit
                "wxkqzrtvmp  | entPasswordNoDigit",
                "Zéqkwxvtrù  | entPasswordNoDigit",
                "8#6!9%0&2*  | entPasswordNoLetter",
                // forbidden characters, also full-width
                "Zqk9wx7t<v  | entPasswordForbiddenCharacters",
                "Zqk9wx7t＄v  | entPasswordForbiddenCharacters",
                "Zqk9\"wx7t'v | entPasswordForbiddenCharacters",
                // dictionary words with digits and symbols around, leetspeak, case and accents
                "Soleil2024! | entPasswordDictionary",
                "P@ssw0rd123 | entPasswordDictionary",
                "bonjour1234 | entPasswordDictionary",
                "Ch@t2024!!! | entPasswordDictionary",
                "3l3phant#99 | entPasswordDictionary",
                "MOTDEPASSE1 | entPasswordDictionary",
                "Football!23 | entPasswordDictionary",
                "Montpellier34 | entPasswordDictionary",
                "Nathalie1985 | entPasswordDictionary",
                // keyboard walks, sequences, repetitions
                "a1z2e3r4t5  | entPasswordPattern",
                "qsdfghjk12  | entPasswordPattern",
                "1qaz2wsx3edc| entPasswordPattern",
                "zzzzzzzz9   | entPasswordPattern",
                "Xy7Xy7Xy7Xy7| entPasswordPattern",
                "9876543210a | entPasswordPattern",
                "mnbvcxz!!9w | entPasswordPattern",
            })
    void weakPasswordsAreRefusedForTheRightReason(String password, String expected) {
        assertThat(keys(password)).contains(expected);
    }

    @Test
    void everyBrokenRuleIsListedNotJustTheFirst() {
        assertThat(keys("azer<"))
                .containsExactlyInAnyOrder(TOO_SHORT, NO_DIGIT, FORBIDDEN_CHARACTERS, PATTERN, DICTIONARY);
    }

    @Test
    void forbiddenCharactersAreNamedInTheMessage() {
        List<Violation> violations = CHECKER.check("Zq<k9w>x$t＜", PasswordRulesConfig.DEFAULTS, PersonalData.NONE);

        assertThat(violations)
                .filteredOn(v -> v.key().equals(FORBIDDEN_CHARACTERS))
                .singleElement()
                .extracting(Violation::params)
                .isEqualTo(List.of("< > $"));
    }

    @Test
    void tooShortNamesTheMinimumAndTheRecommendedLength() {
        assertThat(CHECKER.check("Zq9!w", PasswordRulesConfig.DEFAULTS, PersonalData.NONE))
                .contains(new Violation(TOO_SHORT, List.of(8, 12)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Zqk9wx7t\u0000v", "Zqk9wx7t\rv", "Zqk9wx7t\nv", "Zqk9wx7t\u202Ev", "Zqk9wx7t\u2066v"})
    void controlCharactersHaveTheirOwnMessage(String password) {
        assertThat(keys(password)).containsExactly(CONTROL_CHARACTERS);
    }

    @Test
    void nfcAndNfdSpellingsAreTheSame() {
        String nfc = Normalizer.normalize("Éléphant2024", Normalizer.Form.NFC);
        String nfd = Normalizer.normalize("Éléphant2024", Normalizer.Form.NFD);

        assertThat(nfd).isNotEqualTo(nfc);
        assertThat(keys(nfc)).containsExactly(DICTIONARY);
        assertThat(keys(nfd)).containsExactly(DICTIONARY);
    }

    @Test
    void combiningMarksAndLookAlikeLettersDoNotHideAWord() {
        assertThat(keys("s\u0308o\u030al\u0303e\u030ai\u030al2024")).contains(DICTIONARY);
        // Cyrillic а (U+0430) inside a Latin word
        assertThat(keys("p\u0430ssword1")).contains(DICTIONARY);
    }

    @Test
    void lengthCountsCodePointsAfterNfkc() {
        // 8 emoji-free code points, one of them outside the BMP: accepted on length
        assertThat(keys("Zq7x𝒜w9k")).doesNotContain(TOO_SHORT);
        // the ligature ﬃ becomes three letters under NFKC
        assertThat(keys("Zq7xﬃw9")).doesNotContain(TOO_SHORT);
    }

    @Test
    void maximumIsCheckedFirstAndAlone() {
        String tooLong = "Zq9!".repeat(33);
        assertThat(keys(tooLong)).containsExactly(TOO_LONG);
        assertThat(keys("xK9#mP2vLq7w".repeat(11).substring(0, 128))).doesNotContain(TOO_LONG);

        char[] megabyte = new char[1 << 20];
        Arrays.fill(megabyte, 'a');
        assertThat(CHECKER.check(new String(megabyte), PasswordRulesConfig.DEFAULTS, PersonalData.NONE))
                .containsExactly(new Violation(TOO_LONG, List.of(128)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Martin2006!",
                "Lea2006zqkw",
                "kz2006-lea!",
                "14032006Zk!",
                "Zk!20060314",
                "zk140306qw!",
                "xx22500001q",
                "lmartin!!99",
                "L3@.M4rt1n!",
            })
    void passwordsBuiltOnTheStudentsOwnDataAreRefused(String password) {
        assertThat(keys(password, PasswordRulesConfig.DEFAULTS, LEA)).contains(PERSONAL_DATA);
    }

    private static final PersonalData HIPPOLYTE = new PersonalData(
            "hdurand", "Hippolyte", "Durand-Vasseur", "22500002", "20050101", List.of("h.dv@example.org"));

    /** Two or more of the student's names together, in any order, with separators, digits or a year. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Hippolyte-Durand-2024",
                "durandhippolyte!7",
                "Vasseur.Hippolyte.99",
                "HIPPOLYTE_vasseur_durand",
                "Durand&Vasseur#2026",
                "H1pp0lyt3-Dur4nd-7",
            })
    void passwordsBuiltOnSeveralOfTheStudentsNamesAreRefused(String password) {
        assertThat(keys(password, PasswordRulesConfig.DEFAULTS, HIPPOLYTE)).contains(PERSONAL_DATA);
    }

    /** One short name among other words is not a password built on the names. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"girafe-Durand-lanterne-cobalt-8", "cheval-agrafe-batterie-correct7"})
    void aPassphraseWithOneOfTheNamesPasses(String password) {
        assertThat(keys(password, PasswordRulesConfig.DEFAULTS, HIPPOLYTE)).doesNotContain(PERSONAL_DATA);
    }

    @Test
    void anotherStudentsDataIsNoReasonToRefuse() {
        assertThat(keys("Zqk9wx7t2006", PasswordRulesConfig.DEFAULTS, LEA)).isEmpty();
        assertThat(keys("cheval-agrafe-batterie-correct7", PasswordRulesConfig.DEFAULTS, LEA))
                .isEmpty();
    }

    @Test
    void contextWordsOfTheRealmAreRefused() {
        PasswordRulesConfig config = PasswordRulesConfig.DEFAULTS.withContextWords(
                List.of("umontpellier", "ent", Canonical.word("Université")));

        assertThat(keys("UMontpellier34", config, PersonalData.NONE)).contains(CONTEXT_WORDS);
        assertThat(keys("Universite2024!", config, PersonalData.NONE)).contains(CONTEXT_WORDS);
        assertThat(keys("ENT2024!!!", config, PersonalData.NONE)).contains(CONTEXT_WORDS);
        assertThat(keys("gentil-canard-vert-8", config, PersonalData.NONE)).isEmpty();
    }

    @Test
    void settingsChangeTheRules() {
        PasswordRulesConfig strict =
                PasswordRulesConfig.DEFAULTS.withMinLength(12).withForbiddenCharacters("#");

        assertThat(keys("xK9#mP2vLq7", strict, PersonalData.NONE))
                .containsExactlyInAnyOrder(TOO_SHORT, FORBIDDEN_CHARACTERS);
        assertThat(keys("Zq7x<w9k", PasswordRulesConfig.DEFAULTS.withForbiddenCharacters(""), PersonalData.NONE))
                .isEmpty();
    }
}
