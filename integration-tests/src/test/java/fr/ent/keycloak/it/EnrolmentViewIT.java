package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.ItSettings;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;

/**
 * The example view shipped for universities (a student records export behind a view, read by a read-only account)
 * runs on PostgreSQL as written and gives the provider one row per student for the latest academic year.
 */
@EntServerTest
class EnrolmentViewIT {

    @Test
    void exampleViewOverAnExportFeedsTheProviderThroughAReadOnlyAccount(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        Path script = ItSettings.projectRoot()
                .resolve("enrolment-user-storage/src/main/sql/ent_enrolment-view-example-postgresql.sql");
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String component = null;
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(script));
            statement.execute("INSERT INTO scolarite_export.etudiant VALUES"
                    + " ('60000001', '0123456789A', 'Chloé', 'Durand', DATE '2005-02-01', 'chloe@example.org', now()),"
                    + " ('60000002', NULL, 'Yanis', 'Moreau', DATE '2004-07-12', 'yanis@example.org', now()),"
                    + " ('60000003', NULL, 'Sans', 'Compte', DATE '2004-07-12', 'sans@example.org', now())");
            statement.execute("INSERT INTO scolarite_export.compte_ent VALUES"
                    + " ('60000001', 'viewchloe', now()), ('60000002', 'viewyanis', now())");
            // Chloé: two years, the latest (this one) counts; Yanis: this year's enrolment was cancelled, last year's
            // counts. Years relative to now: a student whose access has ended keeps none of the personal data
            int year = Students.CURRENT_ACADEMIC_YEAR;
            statement.execute("INSERT INTO scolarite_export.inscription VALUES"
                    + " ('60000001', " + (year - 1) + ", 'Licence 1', now() - interval '2 years', 'E', now()),"
                    + " ('60000001', " + year + ", 'Licence 2', now() - interval '1 year', 'E', now()),"
                    + " ('60000002', " + (year - 1) + ", 'Master 1', now() - interval '2 years', 'E', now()),"
                    + " ('60000002', " + year + ", 'Master 2', NULL, 'A', now()),"
                    + " ('60000003', " + year + ", 'Licence 3', now(), 'E', now())");

            component = Students.createComponent(
                    realm,
                    "records-export",
                    database.jdbcUrl(),
                    "keycloak_enrolment_reader",
                    "",
                    "scolarite_export.ent_enrolment");
            SynchronizationResultRepresentation result = realm.userStorage().syncUsers(component, "triggerFullSync");

            assertThat(result.getAdded()).isEqualTo(2);
            assertThat(result.getFailed()).isZero();
            assertThat(Students.user(realm, "viewchloe").getAttributes())
                    .containsEntry(
                            "supannEtuAnneeInscription", List.of(Integer.toString(Students.CURRENT_ACADEMIC_YEAR)))
                    .containsEntry("supannCodeINE", List.of("0123456789A"))
                    .containsEntry("supannMailPerso", List.of("chloe@example.org"));
            assertThat(Students.user(realm, "viewyanis").getAttributes())
                    .containsEntry(
                            "supannEtuAnneeInscription", List.of(Integer.toString(Students.CURRENT_ACADEMIC_YEAR - 1)));
        } finally {
            if (component != null) {
                Students.removeSource(realm, component);
            }
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS scolarite_export CASCADE");
                statement.execute("DROP OWNED BY keycloak_enrolment_reader");
                statement.execute("DROP ROLE IF EXISTS keycloak_enrolment_reader");
            }
        }
    }
}
