package fr.ent.keycloak.services.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.common.SupannAccountState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupannClaimsTest {

    @Test
    void aStudentIsAStudentAndAMemberOfTheirEstablishment() {
        Map<String, Object> claims = SupannClaims.of(
                "JDupont", "71000001", "ACTIVE", "Umontpellier.FR", "{UAI}0341088Y", SupannClaims.Affiliation.STUDENT);
        assertThat(claims)
                .containsExactly(
                        Map.entry("eduPersonPrincipalName", "jdupont@umontpellier.fr"),
                        Map.entry("eduPersonAffiliation", List.of("student", "member")),
                        Map.entry("eduPersonPrimaryAffiliation", "student"),
                        Map.entry("supannEtuId", "71000001"),
                        Map.entry("supannEtablissement", "{UAI}0341088Y"),
                        Map.entry("ent_account_state", "ACTIVE"));
    }

    /**
     * A former student who chose to keep the account is no longer a student for the services: from the first day of
     * the extension, {@code alum} (and {@code member} only where the university says so), never {@code student}.
     * Columns: today, the first day of the extension (or none), alumni are members; the affiliations, the primary one.
     */
    @ParameterizedTest(name = "[{index}] {0}, extended from {1}, members {2} → {3} / {4}")
    @CsvSource(
            nullValues = "-",
            delimiter = '|',
            value = {
                "2026-12-31 | -          | false | student member | student",
                "2026-12-31 | 2027-01-01 | false | student member | student", // still in the last year
                "2027-01-01 | 2027-01-01 | false | alum           | alum",
                "2027-06-30 | 2027-01-01 | false | alum           | alum",
                "2027-06-30 | 2027-01-01 | true  | alum member    | alum",
            })
    void duringAnAlumniExtensionTheAffiliationIsAlumNeverStudent(
            String today, String extendedFrom, boolean members, String values, String primary) {
        SupannClaims.Affiliation affiliation = SupannClaims.Affiliation.on(
                java.time.LocalDate.parse(today),
                extendedFrom == null ? null : java.time.LocalDate.parse(extendedFrom),
                members);
        assertThat(affiliation.values()).isEqualTo(List.of(values.split(" ")));
        assertThat(affiliation.primary()).isEqualTo(primary);
        assertThat(SupannClaims.of("jdupont", "1", "ACTIVE", "example.fr", null, affiliation))
                .containsEntry("eduPersonAffiliation", affiliation.values())
                .containsEntry("eduPersonPrimaryAffiliation", primary);
    }

    @Test
    void whatTheAccountLacksOrAWrongSettingLeavesOutIsNeverSentFalse() {
        Map<String, Object> claims =
                SupannClaims.of("jdupont", null, null, "not a domain", "0341088Y", SupannClaims.Affiliation.STUDENT);
        assertThat(claims)
                .doesNotContainKeys("eduPersonPrincipalName", "supannEtuId", "supannEtablissement", "ent_account_state")
                .containsKeys("eduPersonAffiliation", "eduPersonPrimaryAffiliation");
    }

    @Test
    void aSamlServiceGetsTheSameValuesUnderTheirStandardNames() {
        List<SupannClaims.SamlAttribute> attributes = SupannClaims.saml(
                "jdupont@etu.umontpellier.fr",
                "Zoé",
                "D'Artagnan",
                "jdupont",
                "71000001",
                "umontpellier.fr",
                "{UAI}0341088Y",
                SupannClaims.Affiliation.STUDENT,
                new SupannAccountState("{COMPTE}A", "{COMPTE}A:SupannActif:20260914:20271231"));
        assertThat(attributes)
                .containsExactly(
                        new SupannClaims.SamlAttribute(
                                "urn:oid:0.9.2342.19200300.100.1.3", "mail", List.of("jdupont@etu.umontpellier.fr")),
                        new SupannClaims.SamlAttribute("urn:oid:2.5.4.42", "givenName", List.of("Zoé")),
                        new SupannClaims.SamlAttribute("urn:oid:2.5.4.4", "sn", List.of("D'Artagnan")),
                        new SupannClaims.SamlAttribute(
                                "urn:oid:2.16.840.1.113730.3.1.241", "displayName", List.of("Zoé D'Artagnan")),
                        new SupannClaims.SamlAttribute(
                                "urn:oid:1.3.6.1.4.1.5923.1.1.1.6",
                                "eduPersonPrincipalName",
                                List.of("jdupont@umontpellier.fr")),
                        new SupannClaims.SamlAttribute(
                                "urn:oid:1.3.6.1.4.1.5923.1.1.1.1",
                                "eduPersonAffiliation",
                                List.of("student", "member")),
                        new SupannClaims.SamlAttribute(
                                "urn:oid:1.3.6.1.4.1.5923.1.1.1.5", "eduPersonPrimaryAffiliation", List.of("student")),
                        new SupannClaims.SamlAttribute(
                                "urn:oid:1.3.6.1.4.1.7135.1.2.1.10", "supannEtuId", List.of("71000001")),
                        new SupannClaims.SamlAttribute(
                                "urn:oid:1.3.6.1.4.1.7135.1.2.1.14", "supannEtablissement", List.of("{UAI}0341088Y")),
                        new SupannClaims.SamlAttribute(
                                "urn:oid:1.3.6.1.4.1.7135.1.2.1.55", "supannRessourceEtat", List.of("{COMPTE}A")),
                        new SupannClaims.SamlAttribute(
                                "urn:oid:1.3.6.1.4.1.7135.1.2.1.54",
                                "supannRessourceEtatDate",
                                List.of("{COMPTE}A:SupannActif:20260914:20271231")));
    }

    @Test
    void withoutAUniversityAddressThereIsNoMailAttribute_neverAnotherAddress() {
        assertThat(SupannClaims.saml(
                        null, "Zoé", "Martin", "zm", "1", "example.fr", null, SupannClaims.Affiliation.STUDENT, null))
                .extracting(SupannClaims.SamlAttribute::friendlyName)
                .doesNotContain("mail", "supannEtablissement")
                .contains("eduPersonPrincipalName", "supannEtuId");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "umontpellier.fr | ''",
                "etu.example.fr | ''",
                "localhost | entSupannScopeInvalid",
                "'' | entSupannScopeInvalid",
                "umontpellier.fr/x | entSupannScopeInvalid",
            })
    void theScopeOfThePrincipalNameIsADomain(String scope, String problem) {
        assertThat(SupannClaims.scopeProblem(scope).orElse("")).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{UAI}0341088Y | ''",
                "'' | ''",
                "0341088Y | entSupannEstablishmentInvalid",
                "{UAI}034108Y | entSupannEstablishmentInvalid",
                "{uai}0341088Y | entSupannEstablishmentInvalid",
            })
    void theEstablishmentIsASupannCode(String code, String problem) {
        assertThat(SupannClaims.establishmentProblem(code).orElse("")).isEqualTo(problem);
    }
}
