package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.LifecycleConsole;
import fr.ent.keycloak.it.support.Operators;
import fr.ent.keycloak.it.support.Students;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, WebDriver browser) throws Exception {
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
            // stored events that hold personal data: a sign-in (the client's address, the login) and an
            // administrator's change of the account (the account as it was, birth date and addresses included)
            assertThat(Students.signIn(server, "alines", PASSWORD)).isEqualTo(200);
            UserRepresentation touched = realm.users().get(active.getId()).toRepresentation();
            touched.getAttributes().put("locale", List.of("fr"));
            realm.users().get(active.getId()).update(touched);
            assertThat(realm.getAdminEvents(
                            null, null, null, null, null, "users/" + active.getId(), null, null, null, 0, 50))
                    .anySatisfy(event -> assertThat(event.getRepresentation()).contains("20060314"));

            // the last academic year ended two years ago: the sync finds the access ended (one student of the shared
            // source, which other tests may have left nearly empty: the mass-change guard's share set aside)
            row(
                    "UPDATE ent_enrolment SET last_academic_year = ?, updated_at = now() WHERE login = 'alines'",
                    database,
                    Students.EXPIRED_YEAR);
            String share = Students.settingValue(realm, component, "maxDisablePercent");
            Students.setting(realm, component, "maxDisablePercent", "100");
            try {
                realm.userStorage().syncUsers(component, "triggerFullSync");
            } finally {
                Students.setting(realm, component, "maxDisablePercent", share);
            }
            UserRepresentation closed = Students.user(realm, "alines");
            assertThat(closed.isEnabled()).isFalse();
            Map<String, List<String>> kept = closed.getAttributes();
            assertThat(kept).doesNotContainKeys(PERSONAL.toArray(String[]::new));
            assertThat(closed.getEmail()).isNull();
            assertThat(kept)
                    .containsEntry("entAccountState", List.of("EXPIRED"))
                    .containsEntry("supannEtuId", List.of("71950001"))
                    .containsEntry("mail", List.of("alines@etu.example.fr"))
                    .containsEntry("supannEtuAnneeInscription", List.of(Integer.toString(Students.EXPIRED_YEAR)))
                    .containsKey("entCharterAcceptedAt")
                    .containsKey("entMinimisedAt");
            assertThat(kept.get("entMinimised"))
                    .containsExactlyInAnyOrder("schacDateOfBirth", "supannCodeINE", "supannMailPerso", "email");
            assertThat(closed.getFirstName()).isEqualTo("Inès");
            assertThat(closed.getLastName()).isEqualTo("Départ");
            assertThat(closed.getUsername()).isEqualTo("alines");
            // nothing personal is left in the events the admin REST API reads: no address, no IP, no account
            assertThat(realm.getEvents(null, null, closed.getId(), null, null, null, 0, 100))
                    .isNotEmpty()
                    .allSatisfy(event -> {
                        assertThat(event.getIpAddress()).isNull();
                        assertThat(event.getDetails() == null ? Map.<String, String>of() : event.getDetails())
                                .doesNotContainKeys("username", "email")
                                .doesNotContainValue("alines@example.org");
                    });
            assertThat(realm.getAdminEvents(
                            null, null, null, null, null, "users/" + closed.getId() + "*", null, null, null, 0, 50))
                    .isNotEmpty()
                    .allSatisfy(event -> assertThat(event.getRepresentation()).isNull());

            // the fingerprint of the row it keeps holds nothing that was removed (its minimised form): it cannot be
            // used to guess the birth date from a known INE and address
            String fingerprint = kept.get("entSourceFingerprint").get(0);
            assertThat(fingerprint).startsWith("m.");

            // the next syncs leave it so: nothing comes back, the record is not rewritten
            String minimisedAt = kept.get("entMinimisedAt").get(0);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            UserRepresentation again = Students.user(realm, "alines");
            assertThat(again.getAttributes()).doesNotContainKeys(PERSONAL.toArray(String[]::new));
            assertThat(again.getAttributes().get("entMinimisedAt")).containsExactly(minimisedAt);
            assertThat(again.getAttributes().get("entSourceFingerprint")).containsExactly(fingerprint);
            // nor does a sign-in attempt, which re-reads the student's row from the enrolment database
            assertThat(Students.signIn(server, "alines", PASSWORD)).isBetween(400, 401);
            assertThat(Students.user(realm, "alines").getAttributes())
                    .doesNotContainKeys(PERSONAL.toArray(String[]::new))
                    .containsEntry("entMinimisedAt", List.of(minimisedAt));

            // the helpdesk's card says when the data went, and what the services read of the account
            String operatorId = Operators.create(realm, "op-al1");
            try {
                Operators.signIn(
                        browser,
                        server.realmUrl() + "/ent-assistance/students/" + closed.getId(),
                        "op-al1",
                        Operators.PASSWORD);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-card-minimised")))
                                .getText())
                        .isNotBlank();
                assertThat(browser.findElement(By.id("ent-card-supann")).getText())
                        .isEqualTo("{COMPTE}I:SupannExpire:" + (Students.EXPIRED_YEAR + 2) + "0101:");
                assertThat(browser.findElement(By.id("ent-card-state")).getText())
                        .isNotBlank();
            } finally {
                realm.users().get(operatorId).remove();
            }

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
            assertThat(back.getAttributes().get("entSourceFingerprint").get(0)).doesNotStartWith("m.");
            assertThat(Students.signIn(server, "alines", PASSWORD)).isEqualTo(200);
        } finally {
            Students.forget(realm, database, "alines");
        }
    }

    /**
     * A closed account is deleted the realm's retention (set to 13 months in the console, where the lifecycle's
     * settings are) after its end of access, midnight Paris time: not a minute before; a dry run lists it and deletes
     * nothing; the first run that finds it due only marks it, and a run the grace period (30 days) later deletes it;
     * the guard stops a run that would delete too large a share; the deletion is an admin event with the
     * student number and the end of access; the row still in the enrolment database is not imported again.
     */
    @Test
    void aClosedAccountIsDeletedAfterTheRetentionWithADryRunAndTheGuardFirst(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String component = Students.component(realm, "enrolment");
        // left: the last academic year ended two years ago, access ended on 31 December of last year
        try (Connection connection = database.connect()) {
            Students.insert(
                    connection,
                    "ent_enrolment",
                    "71950011",
                    "alretired",
                    "Rémi",
                    "Parti",
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusYears(2),
                    Students.EXPIRED_YEAR);
        }
        Students.insertPaid(database, "71950012", "alstaying1", "Léa", "Reste");
        Students.insertPaid(database, "71950013", "alstaying2", "Noé", "Reste");
        java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
        // access ended on 31 December of last academic year's end: its first day without access, and 13 months later
        java.time.Instant ended = java.time.LocalDate.of(Students.EXPIRED_YEAR + 2, 1, 1)
                .atStartOfDay(paris)
                .toInstant();
        java.time.Instant deletableFrom = java.time.LocalDate.of(Students.EXPIRED_YEAR + 3, 2, 1)
                .atStartOfDay(paris)
                .toInstant();
        Map<String, String> settings = LifecycleConsole.read(realm);
        try {
            LifecycleConsole.save(realm, settings, "entRetentionMonths", "13");
            realm.userStorage().syncUsers(component, "triggerFullSync");
            String id = Students.user(realm, "alretired").getId();
            assertThat(Students.state(realm, "alretired")).isEqualTo("EXPIRED");
            // two refused sign-ins: one recorded a month before the end of access (older than the retention when it
            // ends), one today
            server.setClockOffset(
                    java.time.Duration.between(java.time.Instant.now(), ended.minus(java.time.Duration.ofDays(30))));
            assertThat(Students.signIn(server, "alretired", PASSWORD)).isBetween(400, 401);
            server.setClockOffset(java.time.Duration.ZERO);
            assertThat(Students.signIn(server, "alretired", PASSWORD)).isBetween(400, 401);
            realm = server.admin().realm(KeycloakServer.REALM);
            assertThat(realm.getEvents(null, null, id, null, null, null, 0, 50)).hasSize(2);

            // a minute before the retention ends: kept
            server.setClockOffset(java.time.Duration.between(java.time.Instant.now(), deletableFrom.minusSeconds(60)));
            realm = server.admin().realm(KeycloakServer.REALM);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(realm.users().searchByUsername("alretired", true)).hasSize(1);

            // a minute after, in a dry run: listed, kept
            server.setClockOffset(java.time.Duration.between(java.time.Instant.now(), deletableFrom.plusSeconds(60)));
            realm = server.admin().realm(KeycloakServer.REALM);
            Students.setting(realm, component, "retentionDryRun", "true");
            realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(realm.users().searchByUsername("alretired", true)).hasSize(1);
            org.keycloak.representations.idm.AdminEventRepresentation dryRun = retentionReport(realm, component);
            // (other tests' closed students may be due too: the shared server holds them)
            assertThat(dryRun.getDetails()).containsEntry("entOutcome", "DRY_RUN");
            assertThat(Integer.parseInt(dryRun.getDetails().get("entDue"))).isPositive();
            assertThat(dryRun.getRepresentation()).contains("71950011").doesNotContain("Rémi");

            // the first run that is not a dry run finds it due and only marks it: never deleted by the run that
            // finds it so first, whatever the guard
            Students.setting(realm, component, "retentionDryRun", "false");
            realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(realm.users().searchByUsername("alretired", true)).hasSize(1);
            assertThat(Students.user(realm, "alretired").getAttributes()).containsKey("entDeletionDueSince");

            // the grace (30 days) passed: the guard, with a share of 0 %: nothing deleted, the run says so
            server.setClockOffset(java.time.Duration.between(
                    java.time.Instant.now(),
                    deletableFrom.plus(java.time.Duration.ofDays(30)).plusSeconds(120)));
            realm = server.admin().realm(KeycloakServer.REALM);
            Students.setting(realm, component, "maxDeletePercent", "0");
            realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(realm.users().searchByUsername("alretired", true)).hasSize(1);
            assertThat(retentionReport(realm, component).getDetails()).containsEntry("entOutcome", "REFUSED");

            // within the share (the default 40 %): deleted, with an admin event that names no one
            Students.setting(realm, component, "maxDeletePercent", "40");
            realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(realm.users().searchByUsername("alretired", true)).isEmpty();
            List<org.keycloak.representations.idm.AdminEventRepresentation> deletions = realm.getAdminEvents(
                    List.of("DELETE"), null, null, null, null, "users/" + id, null, null, null, 0, 10);
            assertThat(deletions).hasSize(1);
            assertThat(deletions.get(0).getDetails())
                    .containsEntry("entAction", "retention-delete")
                    .containsEntry("entStudentNumber", "71950011")
                    .containsEntry("entAccessEnded", (Students.EXPIRED_YEAR + 1) + "-12-31")
                    .containsEntry("entRetentionMonths", "13");
            assertThat(realm.users().searchByUsername("alstaying1", true)).hasSize(1);
            // its events older than the retention went with it; today's follows the realm's own expiration
            List<org.keycloak.representations.idm.EventRepresentation> left =
                    realm.getEvents(null, null, id, null, null, null, 0, 50);
            assertThat(left).hasSize(1);
            assertThat(left.get(0).getTime()).isGreaterThan(System.currentTimeMillis() - 3_600_000L);

            // the row is still in the enrolment database: not imported again
            realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(realm.users().searchByUsername("alretired", true)).isEmpty();
        } finally {
            server.setClockOffset(java.time.Duration.ZERO);
            RealmResource now = server.admin().realm(KeycloakServer.REALM);
            LifecycleConsole.restore(now, settings);
            Students.setting(now, component, "retentionDryRun", null);
            Students.setting(now, component, "maxDeletePercent", null);
            Students.forget(now, database, "alretired", "alstaying1", "alstaying2");
            // a sync at the real time: the syncs run with the clock ahead recorded a future last sync
            now.userStorage().syncUsers(component, "triggerFullSync");
        }
    }

    private static org.keycloak.representations.idm.AdminEventRepresentation retentionReport(
            RealmResource realm, String component) {
        List<org.keycloak.representations.idm.AdminEventRepresentation> reports = realm.getAdminEvents(
                List.of("ACTION"),
                null,
                null,
                null,
                null,
                "components/" + component + "/ent-retention",
                null,
                null,
                null,
                0,
                10);
        assertThat(reports).isNotEmpty();
        return reports.get(0);
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
