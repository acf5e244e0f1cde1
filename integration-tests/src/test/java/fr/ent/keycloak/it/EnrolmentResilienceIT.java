package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import fr.ent.keycloak.it.support.TcpProxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;

/**
 * The enrolment database as it really behaves: reached through a relay that counts connections and can make the
 * database hang or refuse. A fresh copy serves sign-ins without a single query; an outage harms no sign-in, fails
 * syncs cleanly within the timeout, and the next sync catches up; hostile identifiers are only ever data.
 */
@EntServerTest
class EnrolmentResilienceIT {

    private static final String RELATION = "ent_enrolment_resilience";
    private static final String PASSWORD = "girafe-trombone-lanterne-7";
    /** A hang guard, not a benchmark: the query timeout of the component below is 2 seconds. */
    private static final Duration WELL_WITHIN_TIMEOUTS = Duration.ofSeconds(60);

    private static final int YEAR = Students.CURRENT_ACADEMIC_YEAR;

    @Test
    void freshCopyServesSignInsAndAnOutageHarmsNoOne(Keycloak admin, EnrolmentDatabase database, KeycloakServer server)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + RELATION + " (LIKE ent_enrolment INCLUDING ALL)");
            Students.insert(connection, RELATION, "40000001", "resone", "Nina", "Petit", yesterday, YEAR);
            Students.insert(connection, RELATION, "40000002", "restwo", "Omar", "Girard", yesterday, YEAR);
        }
        try (TcpProxy proxy = database.proxy()) {
            String component = Students.createComponent(
                    realm,
                    "resilience",
                    database.jdbcUrlThrough(proxy),
                    database.user(),
                    database.password(),
                    RELATION);
            try {
                assertThat(realm.userStorage()
                                .syncUsers(component, "triggerFullSync")
                                .getAdded())
                        .isEqualTo(2);
                Students.activate(server, "resone", PASSWORD);

                // fresh copy (a sync just started): signing in asks nothing of the enrolment database
                proxy.resetCount();
                assertThat(Students.signIn(server, "resone", PASSWORD)).isEqualTo(200);
                assertThat(Students.signIn(server, "resone", PASSWORD)).isEqualTo(200);
                assertThat(proxy.bytesToDatabase()).isZero();

                // the database hangs: the sync fails cleanly within its timeouts and changes nothing
                proxy.mode(TcpProxy.Mode.SILENT);
                SynchronizationResultRepresentation failed = assertTimeoutPreemptively(
                        WELL_WITHIN_TIMEOUTS, () -> realm.userStorage().syncUsers(component, "triggerFullSync"));
                assertThat(failed.getFailed()).isGreaterThanOrEqualTo(1);
                assertThat(failed.getAdded() + failed.getUpdated() + failed.getRemoved())
                        .isZero();
                assertThat(Students.user(realm, "restwo").isEnabled()).isTrue();
                // imported students still sign in (the copy is now stale: a re-read is tried, and times out)
                assertThat(assertTimeoutPreemptively(
                                WELL_WITHIN_TIMEOUTS, () -> Students.signIn(server, "resone", PASSWORD)))
                        .isEqualTo(200);
                // an unknown login gets the ordinary refusal, no server error
                assertThat(assertTimeoutPreemptively(
                                WELL_WITHIN_TIMEOUTS, () -> Students.signIn(server, "resnobody", PASSWORD)))
                        .isBetween(400, 401);

                // the database refuses connections; meanwhile a student's row changes
                proxy.mode(TcpProxy.Mode.REFUSE);
                assertThat(realm.userStorage()
                                .syncUsers(component, "triggerChangedUsersSync")
                                .getFailed())
                        .isGreaterThanOrEqualTo(1);
                try (Connection connection = database.connect();
                        Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE " + RELATION
                            + " SET last_name = 'Girard-Blanc', updated_at = now() WHERE login = 'restwo'");
                }

                // back: the next "changed users" sync catches up with everything the failed ones missed
                proxy.mode(TcpProxy.Mode.FORWARD);
                SynchronizationResultRepresentation caughtUp =
                        realm.userStorage().syncUsers(component, "triggerChangedUsersSync");
                assertThat(caughtUp.getFailed()).isZero();
                assertThat(caughtUp.getUpdated()).isGreaterThanOrEqualTo(1);
                assertThat(Students.user(realm, "restwo").getLastName()).isEqualTo("Girard-Blanc");
                proxy.resetCount();
                assertThat(Students.signIn(server, "resone", PASSWORD)).isEqualTo(200);
                assertThat(proxy.bytesToDatabase()).isZero();

                // past the freshness window, a sign-in re-reads that student's row once, and applies it
                try (Connection connection = database.connect();
                        Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE " + RELATION + " SET first_name = 'Ninon' WHERE login = 'resone'");
                }
                server.setClockOffset(Duration.ofHours(2));
                proxy.resetCount();
                assertThat(Students.signIn(server, "resone", PASSWORD)).isEqualTo(200);
                assertThat(proxy.bytesToDatabase()).isPositive();
                assertThat(Students.user(server.admin().realm(KeycloakServer.REALM), "resone")
                                .getFirstName())
                        .isEqualTo("Ninon");
            } finally {
                server.setClockOffset(Duration.ZERO);
                server.admin()
                        .realm(KeycloakServer.REALM)
                        .components()
                        .component(component)
                        .remove();
                try (Connection connection = database.connect();
                        Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE " + RELATION);
                }
            }
        }
    }

    @Test
    void identifiersWithSqlMetacharactersAreOnlyData(Keycloak admin, EnrolmentDatabase database, KeycloakServer server)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try (Connection connection = database.connect()) {
            Students.insert(
                    connection,
                    "ent_enrolment",
                    "40000100",
                    "metachar",
                    "Zoé",
                    "Lambert",
                    OffsetDateTime.now(ZoneOffset.UTC).minusDays(1),
                    YEAR);
        }
        int rowsBefore = rows(database);
        try {
            hostileSignIns(realm, database, server, rowsBefore);
        } finally {
            Students.forget(realm, database, "metachar");
        }
    }

    private static void hostileSignIns(
            RealmResource realm, EnrolmentDatabase database, KeycloakServer server, int rowsBefore) throws Exception {

        for (String hostile : List.of(
                "%",
                "_", "meta%", "metachar_", "metachar' OR '1'='1", "metachar'--", "\\", "metachar\\", "' OR 1=1 --")) {
            assertThat(Students.signIn(server, hostile, PASSWORD))
                    .as("sign-in as %s", hostile)
                    .isBetween(400, 401);
            assertThat(realm.users().searchByUsername(hostile, true))
                    .as("no account %s", hostile)
                    .isEmpty();
        }
        // the wildcard-looking attempts imported nobody; the real login still resolves, literally
        assertThat(realm.users().searchByUsername("metachar", true)).isEmpty();
        assertThat(Students.signIn(server, "metachar", PASSWORD)).isBetween(400, 401);
        assertThat(Students.user(realm, "metachar").getAttributes().get("supannEtuId"))
                .containsExactly("40000100");
        assertThat(rows(database)).isEqualTo(rowsBefore);
    }

    private static int rows(EnrolmentDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM ent_enrolment")) {
            count.next();
            return count.getInt(1);
        }
    }
}
