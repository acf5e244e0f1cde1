package fr.ent.keycloak.activation.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.activation.core.FirstConnectionRequest.Problem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FirstConnectionRequestTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 9, 15);

    @ParameterizedTest
    @ValueSource(strings = {"2004-03-07", "07/03/2004", "7/3/2004", "07.03.2004", " 2004-3-7 "})
    void readsTheDateAsADateFieldOrAFrenchStudentTypesIt(String typed) {
        FirstConnectionRequest.Parsed parsed = FirstConnectionRequest.parse("22012345", typed, TODAY);

        assertThat(parsed.problem()).isEmpty();
        assertThat(parsed.request().orElseThrow().birthDate()).isEqualTo(LocalDate.of(2004, 3, 7));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|2004-03-07|IDENTIFIER_MISSING",
                "'   '|2004-03-07|IDENTIFIER_MISSING",
                "ab<script>|2004-03-07|IDENTIFIER_INVALID",
                "jdupont' OR '1'='1|2004-03-07|IDENTIFIER_INVALID",
                "22012345|''|BIRTH_DATE_MISSING",
                "22012345|2004-02-30|BIRTH_DATE_INVALID",
                "22012345|31/02/2004|BIRTH_DATE_INVALID",
                "22012345|tomorrow|BIRTH_DATE_INVALID",
                "22012345|2027-01-01|BIRTH_DATE_INVALID",
                "22012345|1850-01-01|BIRTH_DATE_INVALID",
            })
    void refusesWhatCannotBeAnIdentifierOrABirthDate(String identifier, String date, Problem expected) {
        assertThat(FirstConnectionRequest.parse(identifier, date, TODAY).problem())
                .contains(expected);
    }

    @Test
    void refusesAnIdentifierLongerThanAnyUniversityIssues() {
        assertThat(FirstConnectionRequest.parse("a".repeat(65), "2004-03-07", TODAY)
                        .problem())
                .contains(Problem.IDENTIFIER_INVALID);
        assertThat(FirstConnectionRequest.parse("a".repeat(64), "2004-03-07", TODAY)
                        .problem())
                .isEmpty();
    }

    @Test
    void refusesControlCharactersSoNothingReachesALogOrAHeader() {
        assertThat(FirstConnectionRequest.parse("jdupont\r\nX: y", "2004-03-07", TODAY)
                        .problem())
                .contains(Problem.IDENTIFIER_INVALID);
    }

    @Test
    void eachProblemBelongsToItsField() {
        assertThat(Problem.IDENTIFIER_MISSING.field()).isEqualTo("identifier");
        assertThat(Problem.BIRTH_DATE_INVALID.field()).isEqualTo("birthDate");
        assertThat(Problem.BIRTH_DATE_MISSING.messageKey()).startsWith("ent");
    }

    @Test
    void recognisesAnIneAndStoresItInUpperCase() {
        FirstConnectionRequest ine = request("0a12345678b");
        assertThat(ine.looksLikeIne()).isTrue();
        assertThat(ine.ine()).isEqualTo("0A12345678B");
        assertThat(request("22012345").looksLikeIne()).isFalse();
        assertThat(request("jean.dupont").looksLikeIne()).isFalse();
    }

    @Test
    void comparesTheBirthDateWithTheStoredSupannValue() {
        FirstConnectionRequest request = request("22012345");

        assertThat(request.bornOn("20040307")).isTrue();
        assertThat(request.bornOn("20040308")).isFalse();
        assertThat(request.bornOn(null)).isFalse();
        assertThat(request.bornOn("2004-03-07")).isFalse();
        assertThat(request.bornOn("20041399")).isFalse();
    }

    @Test
    void normalisesTheIdentifierSoAccentsTypedEitherWayMatch() {
        String decomposed = "e\u0301lodie";
        assertThat(request(decomposed).identifier()).isEqualTo("\u00e9lodie");
    }

    private static FirstConnectionRequest request(String identifier) {
        return FirstConnectionRequest.parse(identifier, "2004-03-07", TODAY)
                .request()
                .orElseThrow();
    }
}
