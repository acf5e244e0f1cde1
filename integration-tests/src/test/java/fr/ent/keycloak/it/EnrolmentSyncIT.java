package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Students imported from the enrolment database (the real PostgreSQL) by the admin console's sync buttons, through
 * the admin REST API: counts, attributes, states, bad rows, students who vanish, the mass-disable guard, changed-users
 * sync and the import of a student enrolled after the last sync.
 */
@EntServerTest
class EnrolmentSyncIT {

    private static final int YEAR = Students.CURRENT_ACADEMIC_YEAR;

    @Test
    void syncImportsStudentsKeepsThemInStepAndGuardsAgainstABrokenExport(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String component = Students.component(realm, "enrolment");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // the guard's share as the realm ships it, whatever a test before this one left
        Students.setting(realm, component, "maxDisablePercent", "10");
        // a clean slate: no student left by another test in the source or in Keycloak
        realm.users().list(0, 10_000).stream()
                .filter(user -> component.equals(user.getFederationLink()))
                .forEach(user -> {
                    try (jakarta.ws.rs.core.Response deleted = realm.users().delete(user.getId())) {
                        assertThat(deleted.getStatus()).isEqualTo(204);
                    }
                });
        try (Connection connection = database.connect()) {
            connection.createStatement().execute("DELETE FROM ent_enrolment");
            Students.insert(connection, "ent_enrolment", "30000001", "synpending", "Léa", "Martin", null, YEAR);
            Students.insert(
                    connection, "ent_enrolment", "30000002", "synrecent", "Hugo", "Bernard", now.minusMinutes(5), YEAR);
            Students.insert(
                    connection, "ent_enrolment", "30000003", "synpaid", "Inès", "Robert", now.minusDays(1), YEAR);
            Students.insert(
                    connection,
                    "ent_enrolment",
                    "30000004",
                    "synexpired",
                    "Jade",
                    "Roux",
                    now.minusYears(2),
                    Students.EXPIRED_YEAR);
            Students.insert(
                    connection,
                    "ent_enrolment",
                    "30000005",
                    "synleft",
                    "Emma",
                    "Lefebvre",
                    now.minusYears(1),
                    Students.LEAVING_YEAR);
            for (int i = 10; i < 25; i++) {
                Students.insert(
                        connection,
                        "ent_enrolment",
                        "300000" + i,
                        "synbulk" + i,
                        "Prénom",
                        "Nom" + i,
                        now.minusDays(3),
                        YEAR);
            }
            // bad rows: an empty login, an address that is not one
            Students.insert(connection, "ent_enrolment", "30000090", "", "Sans", "Login", now.minusDays(1), YEAR);
            try (PreparedStatement bad = connection.prepareStatement(
                    "UPDATE ent_enrolment SET personal_email = 'pas-une-adresse' WHERE student_number = ?")) {
                Students.insert(
                        connection,
                        "ent_enrolment",
                        "30000091",
                        "synbademail",
                        "Mauvaise",
                        "Adresse",
                        now.minusDays(1),
                        YEAR);
                bad.setString(1, "30000091");
                bad.executeUpdate();
            }
        }

        SynchronizationResultRepresentation first = realm.userStorage().syncUsers(component, "triggerFullSync");

        assertThat(first.getAdded()).isEqualTo(20);
        assertThat(first.getFailed()).isEqualTo(2);
        UserRepresentation pending = Students.user(realm, "synpending");
        assertThat(pending.getFirstName()).isEqualTo("Léa");
        assertThat(pending.getAttributes())
                .containsEntry("supannEtuId", List.of("30000001"))
                .containsEntry("supannMailPerso", List.of("synpending@example.org"))
                .containsEntry("schacDateOfBirth", List.of("20060314"))
                .containsEntry("eduPersonAffiliation", List.of("student"))
                .containsEntry("supannEtuAnneeInscription", List.of(Integer.toString(YEAR)))
                .containsEntry("entAccountState", List.of("PENDING"));
        assertThat(pending.getFederationLink()).isEqualTo(component);
        assertThat(Students.state(realm, "synrecent")).isEqualTo("PENDING");
        assertThat(Students.state(realm, "synpaid")).isEqualTo("ACTIVATABLE");
        assertThat(Students.state(realm, "synleft")).isEqualTo("ACTIVATABLE");
        assertThat(Students.state(realm, "synexpired")).isEqualTo("EXPIRED");
        assertThat(Students.user(realm, "synexpired").isEnabled()).isFalse();
        assertThat(Students.user(realm, "synpaid").isEnabled()).isTrue();
        assertThat(realm.users().searchByUsername("synbademail", true)).isEmpty();

        // a second full sync with nothing new changes nothing
        SynchronizationResultRepresentation again = realm.userStorage().syncUsers(component, "triggerFullSync");
        assertThat(again.getAdded()).isZero();
        assertThat(again.getUpdated()).isZero();

        // an account an administrator disabled stays disabled through syncs; enabled again by hand, it stays enabled
        UserResource paid = realm.users().get(Students.user(realm, "synpaid").getId());
        UserRepresentation disabledByHand = paid.toRepresentation();
        disabledByHand.setEnabled(false);
        paid.update(disabledByHand);
        realm.userStorage().syncUsers(component, "triggerFullSync");
        assertThat(Students.user(realm, "synpaid").isEnabled()).isFalse();
        UserRepresentation enabledByHand = paid.toRepresentation();
        enabledByHand.setEnabled(true);
        paid.update(enabledByHand);

        // one student leaves the source (1 of 19 enabled: within 10 %): disabled, never deleted, signed out
        UserResource leaving =
                realm.users().get(Students.user(realm, "synbulk24").getId());
        Students.activate(server, "synbulk24", "cheval-agrafe-batterie-correct7");
        assertThat(Students.signIn(server, "synbulk24", "cheval-agrafe-batterie-correct7"))
                .isEqualTo(200);
        assertThat(leaving.getUserSessions()).hasSize(1);
        delete(database, "30000024");
        SynchronizationResultRepresentation vanished = realm.userStorage().syncUsers(component, "triggerFullSync");
        assertThat(vanished.getRemoved()).isEqualTo(1);
        assertThat(Students.user(realm, "synbulk24").isEnabled()).isFalse();
        assertThat(leaving.getUserSessions()).isEmpty();
        assertThat(leaving.toRepresentation().getUsername()).isEqualTo("synbulk24");

        // a broken export loses half the students: the sync disables nobody
        for (int i = 10; i < 20; i++) {
            delete(database, "300000" + i);
        }
        SynchronizationResultRepresentation guarded = realm.userStorage().syncUsers(component, "triggerFullSync");
        assertThat(guarded.getRemoved()).isZero();
        assertThat(guarded.getFailed()).isGreaterThanOrEqualTo(1);
        assertThat(Students.user(realm, "synbulk10").isEnabled()).isTrue();

        // "Sync changed users" picks up an updated row
        try (Connection connection = database.connect();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE ent_enrolment SET last_name = 'Martin-Dupont', updated_at = now() + interval '1 second'"
                                + " WHERE student_number = '30000001'")) {
            update.executeUpdate();
        }
        SynchronizationResultRepresentation changed =
                realm.userStorage().syncUsers(component, "triggerChangedUsersSync");
        assertThat(changed.getUpdated()).isEqualTo(1);
        assertThat(Students.user(realm, "synpending").getLastName()).isEqualTo("Martin-Dupont");

        // each sync started from the console is an admin event that carries its counts
        assertThat(realm.getAdminEvents(
                        List.of("ACTION"),
                        null,
                        null,
                        null,
                        null,
                        "user-storage/" + component + "*",
                        null,
                        null,
                        0,
                        100))
                .isNotEmpty()
                .anySatisfy(event -> assertThat(event.getRepresentation()).contains("\"updated\":1"));
    }

    @Test
    void aStudentEnrolledAfterTheLastSyncIsFoundAtOnce(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        try (Connection connection = database.connect()) {
            OffsetDateTime paid = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
            Students.insert(connection, "ent_enrolment", "30000099", "synlate", "Tardif", "Inscrit", paid, YEAR);
        }
        assertThat(admin.realm(KeycloakServer.REALM).users().searchByUsername("synlate", true))
                .isEmpty();

        // the student tries to sign in (no password yet: refused, but Keycloak now knows the account)
        assertThat(Students.signIn(server, "synlate", "x")).isBetween(400, 401);

        List<UserRepresentation> found =
                admin.realm(KeycloakServer.REALM).users().searchByUsername("synlate", true);
        assertThat(found).singleElement().satisfies(user -> {
            assertThat(user.getAttributes()).containsEntry("entAccountState", List.of("ACTIVATABLE"));
            assertThat(user.getAttributes()).containsEntry("supannEtuId", List.of("30000099"));
        });
    }

    private static void delete(EnrolmentDatabase database, String number) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM ent_enrolment WHERE student_number = '" + number + "'");
        }
    }
}
