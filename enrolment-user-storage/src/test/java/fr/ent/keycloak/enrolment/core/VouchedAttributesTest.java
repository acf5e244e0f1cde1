package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VouchedAttributesTest {

    @ParameterizedTest(name = "{0} read-only: {1}")
    @CsvSource(
            nullValues = "-",
            value = {
                // what the enrolment office vouches for
                "firstName,                 true",
                "lastName,                  true",
                "email,                     true",
                "username,                  true",
                "supannMailPerso,           true",
                "mail,                      true",
                "supannEtuId,               true",
                "supannCodeINE,             true",
                "schacDateOfBirth,          true",
                "supannEtuAnneeInscription, true",
                "eduPersonAffiliation,      true",
                "entFeePaidAt,              true",
                // the lifecycle's record, the pack's steps write it
                "entAccountState,           true",
                "entCharterAcceptedAt,      true",
                "mailForwardingAddress,     true",
                "entAlumniUntil,            true",
                // the student's own choices and what a university adds keep the realm's permissions
                "locale,                    false",
                "phoneNumber,               false",
                // spelling matters: Keycloak's names are case-sensitive
                "FirstName,                 false",
                "-,                         false",
            })
    void theNamesAndAddressesOfTheSourceAreReadOnly(String name, boolean expected) {
        assertThat(VouchedAttributes.readOnly(name)).isEqualTo(expected);
    }
}
