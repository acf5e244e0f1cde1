package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountOwnershipTest {

    @ParameterizedTest(name = "link {0}, imported {1}, number {2} for row 71000001 → {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                // imported by this source, whatever else
                "source-a, true,  71000001, OURS",
                "source-a, false, -,        OURS",
                "source-a, true,  71999999, OURS",
                // unlinked by Keycloak's "Unlink users": the same student's account comes back
                "-,        true,  71000001, RECLAIM",
                // a local account: created by hand, or without the same student number
                "-,        false, 71000001, FOREIGN",
                "-,        true,  71999999, FOREIGN",
                "-,        true,  -,        FOREIGN",
                "-,        false, -,        FOREIGN",
                // another source's account is never taken
                "source-b, true,  71000001, FOREIGN",
                "source-b, false, -,        FOREIGN",
            })
    void aSourceTakesOnlyItsOwnAccountsAndItsStudentsUnlinkedOnes(
            String link, boolean imported, String number, AccountOwnership expected) {
        assertThat(AccountOwnership.of(link, "source-a", imported, number, "71000001"))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "enrolment source {0}, link {1}, imported {2}, number {3} → checked {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                // imported by an enrolment source
                "true,  source-a, true,  71000001, true",
                "true,  source-a, false, -,        true",
                // a student of the pack unlinked from its source: still checked until the sync takes it back
                "false, -,        true,  71000001, true",
                // a local account made by hand, or one without a student number
                "false, -,        false, 71000001, false",
                "false, -,        true,  -,        false",
                "false, -,        false, -,        false",
                // another kind of source (an LDAP, say): not the lifecycle's
                "false, ldap,     true,  71000001, false",
                "false, ldap,     false, -,        false",
            })
    void theSignInCheckLooksAtTheSourcesAccountsAndItsStudentsUnlinkedOnes(
            boolean enrolmentSource, String link, boolean imported, String number, boolean expected) {
        assertThat(AccountOwnership.checkedAtSignIn(enrolmentSource, link, imported, number))
                .isEqualTo(expected);
    }
}
