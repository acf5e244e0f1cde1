package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Students imported from the enrolment database (the real PostgreSQL) by the admin console's sync buttons, through
 * the admin REST API: counts, attributes, states, bad rows, students who vanish, the mass-disable guard, changed-users
 * sync and the import of a student enrolled after the last sync.
 */
@EntServerTest
class EnrolmentSyncIT {

    /** The start year of the current academic year (September to August), as the server's clock sees it. */
    private static final int YEAR = LocalDate.now(ZoneOffset.UTC).getMonthValue() >= 9
            ? LocalDate.now(ZoneOffset.UTC).getYear()
            : LocalDate.now(ZoneOffset.UTC).getYear() - 1;

    @Test
    void syncImportsStudentsKeepsThemInStepAndGuardsAgainstABrokenExport(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String component = realm.components().query(null, "org.keycloak.storage.UserStorageProvider").stream()
                .filter(c -> c.getProviderId().equals("ent-enrolment"))
                .map(ComponentRepresentation::getId)
                .findFirst()
                .orElseThrow();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.connect()) {
            connection.createStatement().execute("DELETE FROM ent_enrolment");
            insert(connection, "30000001", "synpending", "Léa", "Martin", null, YEAR);
            insert(connection, "30000002", "synrecent", "Hugo", "Bernard", now.minusMinutes(5), YEAR);
            insert(connection, "30000003", "synpaid", "Inès", "Robert", now.minusDays(1), YEAR);
            insert(connection, "30000004", "synexpired", "Jade", "Roux", now.minusYears(2), YEAR - 2);
            insert(connection, "30000005", "synleft", "Emma", "Lefebvre", now.minusYears(1), YEAR - 1);
            for (int i = 10; i < 25; i++) {
                insert(connection, "300000" + i, "synbulk" + i, "Prénom", "Nom" + i, now.minusDays(3), YEAR);
            }
            // bad rows: an empty login, an address that is not one
            insert(connection, "30000090", "", "Sans", "Login", now.minusDays(1), YEAR);
            try (PreparedStatement bad = connection.prepareStatement(
                    "UPDATE ent_enrolment SET personal_email = 'pas-une-adresse' WHERE student_number = ?")) {
                insert(connection, "30000091", "synbademail", "Mauvaise", "Adresse", now.minusDays(1), YEAR);
                bad.setString(1, "30000091");
                bad.executeUpdate();
            }
        }

        SynchronizationResultRepresentation first = realm.userStorage().syncUsers(component, "triggerFullSync");

        assertThat(first.getAdded()).isEqualTo(20);
        assertThat(first.getFailed()).isEqualTo(2);
        UserRepresentation pending = user(realm, "synpending");
        assertThat(pending.getFirstName()).isEqualTo("Léa");
        assertThat(pending.getAttributes())
                .containsEntry("supannEtuId", List.of("30000001"))
                .containsEntry("supannMailPerso", List.of("synpending@example.org"))
                .containsEntry("schacDateOfBirth", List.of("20060314"))
                .containsEntry("eduPersonAffiliation", List.of("student"))
                .containsEntry("supannEtuAnneeInscription", List.of(Integer.toString(YEAR)))
                .containsEntry("entAccountState", List.of("PENDING"));
        assertThat(pending.getFederationLink()).isEqualTo(component);
        assertThat(state(realm, "synrecent")).isEqualTo("PENDING");
        assertThat(state(realm, "synpaid")).isEqualTo("ACTIVATABLE");
        assertThat(state(realm, "synleft")).isEqualTo("ACTIVATABLE");
        assertThat(state(realm, "synexpired")).isEqualTo("EXPIRED");
        assertThat(user(realm, "synexpired").isEnabled()).isFalse();
        assertThat(user(realm, "synpaid").isEnabled()).isTrue();
        assertThat(realm.users().searchByUsername("synbademail", true)).isEmpty();

        // a second full sync with nothing new changes nothing
        SynchronizationResultRepresentation again = realm.userStorage().syncUsers(component, "triggerFullSync");
        assertThat(again.getAdded()).isZero();
        assertThat(again.getUpdated()).isZero();

        // one student leaves the source (1 of 19 enabled: within 10 %): disabled, never deleted, signed out
        UserResource leaving = realm.users().get(user(realm, "synbulk24").getId());
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("cheval-agrafe-batterie-correct7");
        password.setTemporary(false);
        leaving.resetPassword(password);
        assertThat(signIn(server, "synbulk24", "cheval-agrafe-batterie-correct7"))
                .isEqualTo(200);
        assertThat(leaving.getUserSessions()).hasSize(1);
        delete(database, "30000024");
        SynchronizationResultRepresentation vanished = realm.userStorage().syncUsers(component, "triggerFullSync");
        assertThat(vanished.getRemoved()).isEqualTo(1);
        assertThat(user(realm, "synbulk24").isEnabled()).isFalse();
        assertThat(leaving.getUserSessions()).isEmpty();
        assertThat(leaving.toRepresentation().getUsername()).isEqualTo("synbulk24");

        // a broken export loses half the students: the sync disables nobody
        for (int i = 10; i < 20; i++) {
            delete(database, "300000" + i);
        }
        SynchronizationResultRepresentation guarded = realm.userStorage().syncUsers(component, "triggerFullSync");
        assertThat(guarded.getRemoved()).isZero();
        assertThat(guarded.getFailed()).isGreaterThanOrEqualTo(1);
        assertThat(user(realm, "synbulk10").isEnabled()).isTrue();

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
        assertThat(user(realm, "synpending").getLastName()).isEqualTo("Martin-Dupont");
    }

    @Test
    void aStudentEnrolledAfterTheLastSyncIsFoundAtOnce(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        try (Connection connection = database.connect()) {
            OffsetDateTime paid = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
            insert(connection, "30000099", "synlate", "Tardif", "Inscrit", paid, YEAR);
        }
        assertThat(admin.realm(KeycloakServer.REALM).users().searchByUsername("synlate", true))
                .isEmpty();

        // the student tries to sign in (no password yet: refused, but Keycloak now knows the account)
        HttpResponse<String> attempt = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "grant_type=password&client_id=admin-cli&username=synlate&password=x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(attempt.statusCode()).isBetween(400, 401);

        List<UserRepresentation> found =
                admin.realm(KeycloakServer.REALM).users().searchByUsername("synlate", true);
        assertThat(found).singleElement().satisfies(user -> {
            assertThat(user.getAttributes()).containsEntry("entAccountState", List.of("ACTIVATABLE"));
            assertThat(user.getAttributes()).containsEntry("supannEtuId", List.of("30000099"));
        });
    }

    /** A sign-in with the password grant of the realm's admin-cli client; the HTTP status. */
    private static int signIn(KeycloakServer server, String username, String password) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli"
                                        + "&username=" + username + "&password=" + password))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static void insert(
            Connection connection,
            String number,
            String login,
            String first,
            String last,
            OffsetDateTime paidAt,
            int lastYear)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ent_enrolment (student_number, login, ine, first_name, last_name, birth_date,"
                        + " personal_email, last_academic_year, program_label, fee_paid_at, updated_at)"
                        + " VALUES (?, ?, NULL, ?, ?, DATE '2006-03-14', ?, ?, 'Licence', ?, now())")) {
            insert.setString(1, number);
            insert.setString(2, login);
            insert.setString(3, first);
            insert.setString(4, last);
            insert.setString(5, (login.isEmpty() ? number : login) + "@example.org");
            insert.setInt(6, lastYear);
            insert.setObject(7, paidAt);
            insert.executeUpdate();
        }
    }

    private static void delete(EnrolmentDatabase database, String number) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM ent_enrolment WHERE student_number = '" + number + "'");
        }
    }

    private static UserRepresentation user(RealmResource realm, String username) {
        List<UserRepresentation> users = realm.users().searchByUsername(username, true);
        assertThat(users).as("user %s", username).hasSize(1);
        return realm.users().get(users.get(0).getId()).toRepresentation();
    }

    private static String state(RealmResource realm, String username) {
        return user(realm, username).getAttributes().get("entAccountState").get(0);
    }
}
