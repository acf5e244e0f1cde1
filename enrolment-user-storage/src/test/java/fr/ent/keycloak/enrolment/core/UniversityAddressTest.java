package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UniversityAddressTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{login}@etu.umontpellier.fr | ''",
                "{LOGIN}@Etu.Example.FR | ''",
                "e{number}@etu.example.fr | ''",
                "{login}.{number}@etu.example.fr | ''",
                "'' | ''",
                "etudiant@etu.example.fr | entEnrolmentMailPatternPlaceholder",
                "{login}etu.example.fr | entEnrolmentMailPatternAt",
                "{login}@etu@example.fr | entEnrolmentMailPatternAt",
                "{login} x@etu.example.fr | entEnrolmentMailPatternLocalPart",
                "{prenom}.{login}@etu.example.fr | entEnrolmentMailPatternLocalPart",
                "{login}@localhost | entEnrolmentMailPatternDomain",
                "{login}@-etu.example.fr | entEnrolmentMailPatternDomain",
                "{login}@etu.example.fr. | entEnrolmentMailPatternDomain",
            })
    void aPatternIsCheckedWhenSaved(String pattern, String problem) {
        assertThat(UniversityAddress.problem(pattern).orElse("")).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{login}@etu.example.fr | jdupont | 71000001 | jdupont@etu.example.fr",
                "{login}@etu.example.fr | JDupont | 71000001 | jdupont@etu.example.fr",
                "e{number}@etu.example.fr | jdupont | 71000001 | e71000001@etu.example.fr",
                "{login}.{number}@Etu.Example.fr | a.b | 1 | a.b.1@etu.example.fr",
                "{login}@etu.example.fr | '' | 71000001 | ''",
                "{login}@etu.example.fr | jé dupont | 71000001 | ''",
                "{login}@etu.example.fr | a@b | 71000001 | ''",
                "e{number}@etu.example.fr | jdupont | '' | ''",
                "'' | jdupont | 71000001 | ''",
                "etudiant@etu.example.fr | jdupont | 71000001 | ''",
            })
    void eachStudentGetsTheAddressThePatternMakes(String pattern, String login, String number, String address) {
        assertThat(UniversityAddress.of(pattern, login, number).orElse("")).isEqualTo(address);
    }
}
