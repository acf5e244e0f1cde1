package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
 * A wrong export must not close, strip or delete many accounts in one run: a third of the rows coming back with a
 * last academic year long past closes nobody (full sync and changed-users sync alike), the sync says why, and nothing
 * is deleted; where the university accepts such a change (the share raised), the accounts are closed but deleted only
 * by a run the grace period later; the calendar passing 31 December closes the leavers as expected, however many. Its
 * own source and table on the shared server.
 */
@EntServerTest
class BadExportIT {

    private static final String RELATION = "ent_enrolment_badexport";
    /** A year whose access and retention both ended long ago. */
    private static final int LONG_PAST = Students.EXPIRED_YEAR - 4;

    @Test
    void aThirdOfTheRowsWithAYearLongPastClosesNobody_andAnAcceptedChangeIsDeletedOnlyAfterTheGrace(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String component = null;
        List<String> wrong = List.of("bxs1", "bxs2", "bxs3");
        try {
            create(database, 9, Students.CURRENT_ACADEMIC_YEAR);
            component = Students.createComponent(
                    realm, "badexport-source", database.jdbcUrl(), database.user(), database.password(), RELATION);
            assertThat(realm.userStorage()
                            .syncUsers(component, "triggerFullSync")
                            .getAdded())
                    .isEqualTo(9);

            // the export comes back with a third of the students' last year moved long into the past
            move(database, wrong, LONG_PAST);
            long position = server.logPosition();
            SynchronizationResultRepresentation full = realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(full.getFailed()).as("the sync reports it stopped").isPositive();
            assertThat(full.getRemoved()).isZero();
            server.awaitLogLine(position, "would close 3 of 9 open accounts");
            for (String login : wrong) {
                UserRepresentation kept = Students.user(realm, login);
                assertThat(kept.isEnabled()).as(login).isTrue();
                assertThat(kept.getAttributes())
                        .containsEntry("entAccountState", List.of("ACTIVATABLE"))
                        .containsKeys("schacDateOfBirth", "supannMailPerso");
            }
            // "Sync changed users" reads the same rows (changed again since that sync), and stops the same way
            move(database, wrong, LONG_PAST);
            SynchronizationResultRepresentation changed =
                    realm.userStorage().syncUsers(component, "triggerChangedUsersSync");
            assertThat(changed.getFailed()).isPositive();
            assertThat(Students.user(realm, "bxs1").isEnabled()).isTrue();

            // the university confirms (the share raised): closed now, minimised, but deleted by no run of this day
            Students.setting(realm, component, "maxDisablePercent", "50");
            SynchronizationResultRepresentation accepted = realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(accepted.getUpdated()).isEqualTo(3);
            for (String login : wrong) {
                UserRepresentation closed = Students.user(realm, login);
                assertThat(closed.isEnabled()).as(login).isFalse();
                assertThat(closed.getAttributes())
                        .containsEntry("entAccountState", List.of("EXPIRED"))
                        .containsKey("entDeletionDueSince");
            }
            realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(realm.users().searchByUsername("bxs1", true)).hasSize(1);

            // a run the grace period (30 days) later deletes them
            server.setClockOffset(Duration.ofDays(30).plusMinutes(5));
            RealmResource later = server.admin().realm(KeycloakServer.REALM);
            later.userStorage().syncUsers(component, "triggerFullSync");
            for (String login : wrong) {
                assertThat(later.users().searchByUsername(login, true))
                        .as(login)
                        .isEmpty();
            }
            assertThat(later.users().searchByUsername("bxs4", true)).hasSize(1);
        } finally {
            server.setClockOffset(Duration.ZERO);
            cleanUp(server.admin().realm(KeycloakServer.REALM), database, component);
        }
    }

    @Test
    void theCalendarPassing31DecemberClosesTheLeaversAsExpected_howeverMany(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String component = null;
        try {
            // nine students, four of them in their last year: a share the guard would refuse for a wrong export
            create(database, 9, Students.CURRENT_ACADEMIC_YEAR);
            move(database, List.of("bxs1", "bxs2", "bxs3", "bxs4"), Students.LEAVING_YEAR);
            component = Students.createComponent(
                    realm, "badexport-source", database.jdbcUrl(), database.user(), database.password(), RELATION);
            assertThat(realm.userStorage()
                            .syncUsers(component, "triggerFullSync")
                            .getAdded())
                    .isEqualTo(9);
            assertThat(Students.user(realm, "bxs1").isEnabled()).isTrue();

            // the first day without access: the sync closes the four leavers, no row changed
            server.setClockOffset(Duration.between(Instant.now(), Students.LEAVING_ACCESS_ENDS.plusSeconds(3600)));
            RealmResource later = server.admin().realm(KeycloakServer.REALM);
            SynchronizationResultRepresentation sync = later.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(sync.getFailed()).isZero();
            for (String login : List.of("bxs1", "bxs2", "bxs3", "bxs4")) {
                UserRepresentation closed = Students.user(later, login);
                assertThat(closed.isEnabled()).as(login).isFalse();
                assertThat(closed.getAttributes()).containsEntry("entAccountState", List.of("EXPIRED"));
            }
            assertThat(Students.user(later, "bxs5").isEnabled()).isTrue();
        } finally {
            server.setClockOffset(Duration.ZERO);
            cleanUp(server.admin().realm(KeycloakServer.REALM), database, component);
        }
    }

    /** {@code count} students bxs1… of {@code year}, paid yesterday, in the test's own table. */
    private static void create(EnrolmentDatabase database, int count, int year) throws Exception {
        // (nothing is left of another run: the relation is made anew, the accounts went with the last clean-up)
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + RELATION);
            statement.execute("CREATE TABLE " + RELATION + " (LIKE ent_enrolment INCLUDING ALL)");
            OffsetDateTime paid = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
            for (int i = 1; i <= count; i++) {
                Students.insert(connection, RELATION, "7230000" + i, "bxs" + i, "Prénom", "Export" + i, paid, year);
            }
        }
    }

    private static void move(EnrolmentDatabase database, List<String> logins, int year) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement update = connection.prepareStatement("UPDATE " + RELATION
                        + " SET last_academic_year = ?, updated_at = now() + interval '1 second' WHERE login = ?")) {
            for (String login : logins) {
                update.setInt(1, year);
                update.setString(2, login);
                update.executeUpdate();
            }
        }
    }

    /** The source and its students ({@link Students#removeSource}), then the table. */
    private static void cleanUp(RealmResource realm, EnrolmentDatabase database, String component) throws Exception {
        if (component != null) {
            Students.removeSource(realm, component);
        }
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + RELATION);
        }
    }
}
