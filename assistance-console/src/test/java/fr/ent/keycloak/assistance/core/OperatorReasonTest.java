package fr.ent.keycloak.assistance.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorReasonTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Appel du 12/09, adresse perso illisible | ''",
                "'  okay  ' | ''",
                "abc | ''",
                "ab | entAssistanceReasonMissing",
                "'   ' | entAssistanceReasonMissing",
                "'' | entAssistanceReasonMissing",
                "app\u0007el | entAssistanceReasonInvalid",
                "appel\u200e au guichet | entAssistanceReasonInvalid",
            })
    void aReasonIsRequiredAndPlain(String typed, String problem) {
        assertThat(OperatorReason.problem(typed).orElse("")).isEqualTo(problem);
    }

    @Test
    void aReasonHasAnUpperBoundCountedInCharacters() {
        assertThat(OperatorReason.problem("é".repeat(OperatorReason.MAX_LENGTH)))
                .isEmpty();
        assertThat(OperatorReason.problem("é".repeat(OperatorReason.MAX_LENGTH + 1)))
                .contains("entAssistanceReasonTooLong");
        assertThat(OperatorReason.problem("😀".repeat(OperatorReason.MAX_LENGTH)))
                .isEmpty();
    }

    @Test
    void lineBreaksAndRunsOfSpacesBecomeOneSpace() {
        assertThat(OperatorReason.normalise(" Appel\r\n  au\tguichet ")).isEqualTo("Appel au guichet");
        assertThat(OperatorReason.normalise(null)).isEmpty();
        assertThat(OperatorReason.problem(null)).contains("entAssistanceReasonMissing");
    }
}
