package fr.ent.keycloak.activation.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssistanceCodeTest {

    @Test
    void codesUseOnlyCharactersThatCannotBeMisreadOrMisheard() {
        assertThat(AssistanceCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = AssistanceCode.generate(random);
            assertThat(code).hasSize(8).matches("[" + AssistanceCode.ALPHABET + "]{8}");
            seen.add(code);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void everyCharacterOfTheAlphabetIsDrawn() {
        Random seeded = new Random(42);
        Set<Character> drawn = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            for (char c : AssistanceCode.generate(seeded).toCharArray()) {
                drawn.add(c);
            }
        }
        assertThat(drawn).hasSize(AssistanceCode.ALPHABET.length());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ABCD-EFGH | ABCDEFGH",
                "abcd efgh | ABCDEFGH",
                "'  abcdefgh ' | ABCDEFGH",
                "AB-CD-EF-GH | ABCDEFGH",
                "ABCD-EFG | ''",
                "ABCD-EFGHJ | ''",
                "ABCD-EFG0 | ''",
                "ABCD-EFGI | ''",
                "ABCD_EFGH | ''",
                "'' | ''",
            })
    void whatTheStudentTypesIsReadAsTheCodeOrNothing(String typed, String code) {
        assertThat(AssistanceCode.normalise(typed).orElse("")).isEqualTo(code);
    }

    @Test
    void theOperatorReadsItInTwoHalves() {
        assertThat(AssistanceCode.display("ABCDEFGH")).isEqualTo("ABCD-EFGH");
    }

    @Test
    void onlyTheSaltedDigestIsKept_andTheTypedCodeMatchesItInAnyForm() {
        String kept = AssistanceCode.digest("K7MQ4RXZ", "user-1");
        assertThat(kept).hasSize(64).doesNotContain("K7MQ4RXZ");
        assertThat(AssistanceCode.digest("K7MQ4RXZ", "user-2")).isNotEqualTo(kept);
        assertThat(AssistanceCode.matches(kept, "k7mq-4rxz", "user-1")).isTrue();
        assertThat(AssistanceCode.matches(kept, "K7MQ4RXZ", "user-2")).isFalse();
        assertThat(AssistanceCode.matches(kept, "K7MQ4RXY", "user-1")).isFalse();
        assertThat(AssistanceCode.matches(null, "K7MQ4RXZ", "user-1")).isFalse();
        assertThat(AssistanceCode.matches(kept, null, "user-1")).isFalse();
    }
}
