package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Keycloak's "Désassocier les utilisateurs / Unlink users" on the source's page turns every imported student into a
 * local account. The next sync takes back the students' own accounts (they carry the pack's import and the row's
 * student number), so the lifecycle goes on: an active student stays active, a student whose access ended is closed.
 * A local account created by hand that shares a login stays out of the source's reach. Until that sync, the sign-in
 * check still closes an unlinked student whose access ended.
 */
@EntServerTest
class UnlinkedAccountsIT {

    private static final String RELATION = "ent_enrolment_unlink";

    @Test
    void theNextSyncTakesBackTheStudentsAccountsAndTheLifecycleGoesOn(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        OffsetDateTime paid = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        String component = null;
        try (Connection connection = database.connect()) {
            createRelation(connection, RELATION);
            int year = Students.CURRENT_ACADEMIC_YEAR;
            Students.insert(connection, RELATION, "72100001", "ulana", "Ana", "Délié", paid, year);
            Students.insert(connection, RELATION, "72100002", "ulbob", "Bob", "Délié", paid, year);
            Students.insert(connection, RELATION, "72100003", "ulcarl", "Carl", "Homonyme", paid, year);
        }
        try {
            // a local account created by hand holds one of the logins
            UserRepresentation local = new UserRepresentation();
            local.setUsername("ulcarl");
            local.setEnabled(true);
            try (Response created = realm.users().create(local)) {
                assertThat(created.getStatus()).isEqualTo(201);
            }
            component = Students.createComponent(
                    realm, "unlink-source", database.jdbcUrl(), database.user(), database.password(), RELATION);
            // one of two students closed by a changed row is half the source: above the mass-change guard's share
            Students.setting(realm, component, "maxDisablePercent", "100");
            SynchronizationResultRepresentation first = realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(first.getAdded()).isEqualTo(2);
            assertThat(first.getFailed()).isEqualTo(1);
            Students.activate(server, "ulana", "Glycine-Ardoise-Canal-52");

            // the console's "Unlink users": the students become local accounts
            realm.userStorage().unlink(component);
            assertThat(Students.user(realm, "ulana").getFederationLink()).isNull();
            assertThat(Students.user(realm, "ulbob").getFederationLink()).isNull();

            // Bob's access ended; the next sync takes both accounts back and keeps the lifecycle going
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE " + RELATION + " SET last_academic_year = " + Students.EXPIRED_YEAR
                        + ", updated_at = now() WHERE login = 'ulbob'");
            }
            SynchronizationResultRepresentation next = realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(next.getAdded()).isZero();
            assertThat(next.getUpdated()).isEqualTo(2);
            assertThat(next.getFailed())
                    .as("the account made by hand stays apart")
                    .isEqualTo(1);

            UserRepresentation ana = Students.user(realm, "ulana");
            assertThat(ana.getFederationLink()).isEqualTo(component);
            assertThat(ana.isEnabled()).isTrue();
            assertThat(ana.getAttributes())
                    .containsEntry("entAccountState", List.of("ACTIVE"))
                    .containsKey("entCharterAcceptedAt");
            UserRepresentation bob = Students.user(realm, "ulbob");
            assertThat(bob.getFederationLink()).isEqualTo(component);
            assertThat(bob.isEnabled()).isFalse();
            assertThat(bob.getAttributes())
                    .containsEntry("entAccountState", List.of("EXPIRED"))
                    .doesNotContainKey("schacDateOfBirth");
            UserRepresentation carl = Students.user(realm, "ulcarl");
            assertThat(carl.getFederationLink()).isNull();
            assertThat(carl.getAttributes()).isNullOrEmpty();
        } finally {
            cleanUp(realm, database, component, RELATION, "ulana", "ulbob", "ulcarl");
        }
    }

    /**
     * Until that sync, the sign-in check still closes an unlinked student whose access ended: the first sign-in after
     * the end of access is stopped, and the account closed and minimised, as a linked one would be.
     */
    @Test
    void beforeTheNextSyncTheSignInCheckStillClosesAnUnlinkedStudentWhoseAccessEnded(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String relation = RELATION + "_check";
        String component = null;
        try (Connection connection = database.connect()) {
            createRelation(connection, relation);
            Students.insert(
                    connection,
                    relation,
                    "72100011",
                    "uldan",
                    "Dan",
                    "Délié",
                    OffsetDateTime.now(ZoneOffset.UTC).minusDays(1),
                    Students.LEAVING_YEAR);
        }
        try {
            component = Students.createComponent(
                    realm, "unlink-check", database.jdbcUrl(), database.user(), database.password(), relation);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            Students.activate(server, "uldan", "Glycine-Ardoise-Canal-52");
            realm.userStorage().unlink(component);
            assertThat(Students.user(realm, "uldan").getFederationLink()).isNull();

            // one second after the end of access, no sync since: the sign-in is refused and the account closed
            server.setClockOffset(Duration.between(Instant.now(), Students.LEAVING_ACCESS_ENDS.plusSeconds(1)));
            assertThat(Students.signIn(server, "uldan", "Glycine-Ardoise-Canal-52"))
                    .isBetween(400, 403);
            realm = server.admin().realm(KeycloakServer.REALM);
            UserRepresentation dan = Students.user(realm, "uldan");
            assertThat(dan.isEnabled()).isFalse();
            assertThat(dan.getAttributes())
                    .containsEntry("entAccountState", List.of("EXPIRED"))
                    .containsKey("entMinimisedAt")
                    .doesNotContainKeys("schacDateOfBirth", "supannMailPerso");
        } finally {
            server.setClockOffset(Duration.ZERO);
            cleanUp(server.admin().realm(KeycloakServer.REALM), database, component, relation, "uldan");
        }
    }

    private static void createRelation(Connection connection, String relation) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + relation + " (LIKE ent_enrolment INCLUDING ALL)");
        }
    }

    private static void cleanUp(
            RealmResource realm, EnrolmentDatabase database, String component, String relation, String... logins)
            throws Exception {
        if (component != null) {
            Students.removeSource(realm, component);
        }
        for (String login : logins) {
            realm.users()
                    .searchByUsername(login, true)
                    .forEach(user -> realm.users().get(user.getId()).remove());
        }
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + relation);
        }
    }
}
