package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The account calendar on the real server with its clock moved: 15 minutes after payment a student becomes
 * activatable, and access ends at midnight Paris time after 31 December of the year the last academic year ends, at
 * the first sign-in past that instant, whether or not a sync has run; re-enrolment reopens the account.
 */
@EntServerTest
class EnrolmentCalendarIT {

    private static final String PASSWORD = "papillon-horloge-citron-4";

    private static final int YEAR = Students.CURRENT_ACADEMIC_YEAR;

    @Test
    void activationOpensFifteenMinutesAfterPayment(Keycloak admin, EnrolmentDatabase database, KeycloakServer server)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.connect()) {
            Students.insert(
                    connection, "ent_enrolment", "50000001", "calfourteen", "Lou", "Blanc", now.minusMinutes(14), YEAR);
            Students.insert(
                    connection, "ent_enrolment", "50000002", "calsixteen", "Max", "Noir", now.minusMinutes(16), YEAR);
            Students.insert(connection, "ent_enrolment", "50000003", "calunpaid", "Eva", "Gris", null, YEAR);
        }
        String component = Students.component(realm, "enrolment");
        try {
            fifteenMinutes(realm, server, component);
        } finally {
            cleanUp(server, database, component, "calfourteen", "calsixteen", "calunpaid");
        }
    }

    private static void fifteenMinutes(RealmResource realm, KeycloakServer server, String component) {
        realm.userStorage().syncUsers(component, "triggerFullSync");
        assertThat(Students.state(realm, "calfourteen")).isEqualTo("PENDING");
        assertThat(Students.state(realm, "calsixteen")).isEqualTo("ACTIVATABLE");
        assertThat(Students.state(realm, "calunpaid")).isEqualTo("PENDING");

        // two minutes later (on the server's clock), the next sync finds the first one activatable too
        server.setClockOffset(Duration.ofMinutes(2));
        realm = server.admin().realm(KeycloakServer.REALM);
        realm.userStorage().syncUsers(component, "triggerFullSync");
        assertThat(Students.state(realm, "calfourteen")).isEqualTo("ACTIVATABLE");
        assertThat(Students.state(realm, "calunpaid")).isEqualTo("PENDING");
    }

    @Test
    void accessEndsAtMidnightParisTimeAfterThirtyFirstDecemberAtTheFirstSignIn(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, WebDriver browser) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        // in their last academic year: access until the coming 31 December, 23:59:59 Paris time
        try (Connection connection = database.connect()) {
            Students.insert(
                    connection,
                    "ent_enrolment",
                    "50000010",
                    "calleaving",
                    "Tom",
                    "Vert",
                    OffsetDateTime.now(ZoneOffset.UTC).minusMonths(14),
                    Students.LEAVING_YEAR);
        }
        String component = Students.component(realm, "enrolment");
        try {
            cutOff(realm, database, server, browser, component);
        } finally {
            cleanUp(server, database, component, "calleaving");
        }
    }

    private static void cutOff(
            RealmResource realm, EnrolmentDatabase database, KeycloakServer server, WebDriver browser, String component)
            throws Exception {
        realm.userStorage().syncUsers(component, "triggerFullSync");
        Students.activate(server, "calleaving", PASSWORD);
        Instant cutOff = Students.LEAVING_ACCESS_ENDS;

        // thirty seconds before midnight: still in (no sync runs from here on)
        server.setClockOffset(Duration.between(Instant.now(), cutOff.minusSeconds(30)));
        assertThat(Students.signIn(server, "calleaving", PASSWORD)).isEqualTo(200);
        // (the first sign-in re-read the stale copy; after the second, Keycloak serves the account from its cache)
        assertThat(Students.signIn(server, "calleaving", PASSWORD)).isEqualTo(200);

        // one second after: the very first sign-in is stopped with a page that explains why
        server.setClockOffset(Duration.between(Instant.now(), cutOff.plusSeconds(1)));
        browser.get(server.realmUrl() + "/account");
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys("calleaving");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("body"), "Votre compte est fermé"));

        realm = server.admin().realm(KeycloakServer.REALM);
        assertThat(Students.state(realm, "calleaving")).isEqualTo("EXPIRED");
        assertThat(Students.user(realm, "calleaving").isEnabled()).isFalse();
        // that first sign-in also removed what a closed account no longer needs (the birth date, the personal address)
        assertThat(Students.user(realm, "calleaving").getAttributes())
                .doesNotContainKeys("schacDateOfBirth", "supannMailPerso")
                .containsKey("entMinimisedAt");
        assertThat(Students.user(realm, "calleaving").getEmail()).isNull();
        assertThat(Students.signIn(server, "calleaving", PASSWORD)).isBetween(400, 401);

        // re-enrolment for the new academic year reopens the account at the next sync
        try (Connection connection = database.connect();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE ent_enrolment SET last_academic_year = ?, updated_at = now() WHERE login = ?")) {
            update.setInt(1, Students.LEAVING_YEAR + 1);
            update.setString(2, "calleaving");
            update.executeUpdate();
        }
        realm.userStorage().syncUsers(component, "triggerFullSync");
        assertThat(Students.user(realm, "calleaving").isEnabled()).isTrue();
        assertThat(Students.state(realm, "calleaving")).isNotEqualTo("EXPIRED");
        assertThat(Students.signIn(server, "calleaving", PASSWORD)).isEqualTo(200);
    }

    /**
     * Back to the real time, without this test's students, and with a sync run at the real time: the syncs run while
     * the clock was ahead recorded a future time as the last sync, which the next "changed users" sync starts from.
     */
    private static void cleanUp(KeycloakServer server, EnrolmentDatabase database, String component, String... logins)
            throws Exception {
        server.setClockOffset(Duration.ZERO);
        RealmResource realm = server.admin().realm(KeycloakServer.REALM);
        Students.forget(realm, database, logins);
        realm.userStorage().syncUsers(component, "triggerFullSync");
    }
}
