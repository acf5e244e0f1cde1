package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * After the student leaves (issue 17), through real syncs of the enrolment database on PostgreSQL: when access ends,
 * the account keeps only what a closed account needs (login, names, student number, university address, dates,
 * state) and records what it lost; syncs leave it so; a student who enrols again gets everything back from the
 * enrolment database and is active again.
 */
@EntServerTest
class AfterLeavingIT {

    private static final String PASSWORD = "Glycine-Ardoise-Canal-52";
    private static final List<String> PERSONAL = List.of("schacDateOfBirth", "supannCodeINE", "supannMailPerso");

    @Test
    void accessEndsTheAccountKeepsOnlyWhatItNeedsAndReEnrolmentBringsEverythingBack(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String component = Students.component(realm, "enrolment");
        Students.insertPaid(database, "71950001", "alines", "Inès", "Départ");
        try {
            row("UPDATE ent_enrolment SET ine = '1234567890A' WHERE login = 'alines'", database, null);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            Students.activate(server, "alines", PASSWORD);
            UserRepresentation active = Students.user(realm, "alines");
            assertThat(active.getAttributes()).containsKeys(PERSONAL.toArray(String[]::new));
            assertThat(active.getEmail()).isEqualTo("alines@example.org");

            // the last academic year ended two years ago: the sync finds the access ended
            row(
                    "UPDATE ent_enrolment SET last_academic_year = ?, updated_at = now() WHERE login = 'alines'",
                    database,
                    Students.CURRENT_ACADEMIC_YEAR - 2);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            UserRepresentation closed = Students.user(realm, "alines");
            assertThat(closed.isEnabled()).isFalse();
            Map<String, List<String>> kept = closed.getAttributes();
            assertThat(kept).doesNotContainKeys(PERSONAL.toArray(String[]::new));
            assertThat(closed.getEmail()).isNull();
            assertThat(kept)
                    .containsEntry("entAccountState", List.of("EXPIRED"))
                    .containsEntry("supannEtuId", List.of("71950001"))
                    .containsEntry("mail", List.of("alines@etu.example.fr"))
                    .containsEntry(
                            "supannEtuAnneeInscription", List.of(Integer.toString(Students.CURRENT_ACADEMIC_YEAR - 2)))
                    .containsKey("entCharterAcceptedAt")
                    .containsKey("entMinimisedAt");
            assertThat(kept.get("entMinimised"))
                    .containsExactlyInAnyOrder("schacDateOfBirth", "supannCodeINE", "supannMailPerso", "email");
            assertThat(closed.getFirstName()).isEqualTo("Inès");
            assertThat(closed.getLastName()).isEqualTo("Départ");
            assertThat(closed.getUsername()).isEqualTo("alines");

            // the next syncs leave it so: nothing comes back, the record is not rewritten
            String minimisedAt = kept.get("entMinimisedAt").get(0);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            UserRepresentation again = Students.user(realm, "alines");
            assertThat(again.getAttributes()).doesNotContainKeys(PERSONAL.toArray(String[]::new));
            assertThat(again.getAttributes().get("entMinimisedAt")).containsExactly(minimisedAt);

            // enrolled again this year: everything is back from the enrolment database, the account active again
            row(
                    "UPDATE ent_enrolment SET last_academic_year = ?, updated_at = now() WHERE login = 'alines'",
                    database,
                    Students.CURRENT_ACADEMIC_YEAR);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            UserRepresentation back = Students.user(realm, "alines");
            assertThat(back.isEnabled()).isTrue();
            assertThat(back.getEmail()).isEqualTo("alines@example.org");
            assertThat(back.getAttributes())
                    .containsEntry("entAccountState", List.of("ACTIVE"))
                    .containsEntry("schacDateOfBirth", List.of("20060314"))
                    .containsEntry("supannCodeINE", List.of("1234567890A"))
                    .containsEntry("supannMailPerso", List.of("alines@example.org"))
                    .doesNotContainKeys("entMinimisedAt", "entMinimised");
            assertThat(Students.signIn(server, "alines", PASSWORD)).isEqualTo(200);
        } finally {
            Students.forget(realm, database, "alines");
        }
    }

    private static void row(String sql, EnrolmentDatabase database, Integer year) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (year != null) {
                statement.setInt(1, year);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
