package fr.ent.keycloak.assistance.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssistanceSearchTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "robert                | %robert%",
                "  Inès   ROBERT       | %inès%,%robert%",
                // no wildcard: a star, a percent or an underscore is only a character
                "i*@example.net        | %i*@example.net%",
                "i%                    | %i!%%",
                "a_b                   | %a!_b%",
                "a!b                   | %a!!b%",
                // one-letter words match everyone and are dropped; at most four words
                "x robert              | %robert%",
                "aa bb cc dd ee        | %aa%,%bb%,%cc%,%dd%",
                "x                     | -",
                "''                    | -",
            })
    void everyWordTypedIsAPlainPieceOfTheLoginOrTheNames(String typed, String expected) {
        List<String> patterns = expected == null ? List.of() : Arrays.asList(expected.split(","));
        assertThat(AssistanceSearch.patterns(typed)).isEqualTo(patterns);
    }

    @ParameterizedTest(name = "student {0}, privileged {1} → {2}")
    @CsvSource({
        "true,  false, STUDENT,       true",
        // a student who is also a helpdesk agent or an administrator is outside the console
        "true,  true,  PRIVILEGED,    false",
        "false, true,  PRIVILEGED,    false",
        "false, false, NOT_A_STUDENT, false",
    })
    void onlyStudentsWithoutPrivilegeAreShown(
            boolean student, boolean privileged, AssistanceSearch.Reach expected, boolean shown) {
        assertThat(AssistanceSearch.reach(student, privileged)).isEqualTo(expected);
        assertThat(AssistanceSearch.reach(student, privileged).shown()).isEqualTo(shown);
    }
}
