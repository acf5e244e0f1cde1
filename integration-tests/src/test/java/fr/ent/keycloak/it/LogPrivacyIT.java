package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.ActivationJourney;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.FirstConnectionForm;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.RefusingSmtpServer;
import fr.ent.keycloak.it.support.Students;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * RGPD: a student with canary values (a personal address, names, a birth date and a password found nowhere else) goes
 * through the paths that log — import, the automatic email, "1ère connexion" with a wrong and a right birth date while
 * the SMTP server refuses the recipient (quoting the address), the activation journey, "forgot password" — and the
 * whole server log is searched for them afterwards.
 */
@EntServerTest
class LogPrivacyIT {

    private static final String ADDRESS = "canarixa.q7xz@example.net";
    private static final String PASSWORD = "Zebre-Vol-Canari-93x";
    private static final List<String> CANARIES =
            List.of("canarixa", "q7xz", "zwoggletonne", "19990717", "1999-07-17", "17/07/1999", PASSWORD, "eyJhbGci");

    @Test
    void noPersonalDatumReachesTheServerLog(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO ent_enrolment"
                        + " (student_number, login, ine, first_name, last_name, birth_date, personal_email,"
                        + " last_academic_year, program_label, fee_paid_at, updated_at)"
                        + " VALUES ('71500001', 'lpcanary', NULL, 'Canarixa', 'Zwoggletonne', DATE '1999-07-17', ?,"
                        + " ?, 'Licence', ?, now())")) {
            insert.setString(1, ADDRESS);
            insert.setInt(2, Students.CURRENT_ACADEMIC_YEAR);
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
            insert.executeUpdate();
        }
        Map<String, String> smtp = realm.toRepresentation().getSmtpServer();
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            mail.awaitMessagesTo(ADDRESS, 1, Duration.ofSeconds(90));

            // "1ère connexion": a wrong birth date, then the right one while the SMTP server refuses the recipient
            FirstConnectionForm form = new FirstConnectionForm(server.realmUrl());
            form.submit("lpcanary", "17/07/1998");
            try (RefusingSmtpServer refusing = RefusingSmtpServer.start()) {
                useSmtpPort(realm, smtp, Integer.toString(refusing.port()));
                long before = server.logPosition();
                form.submit("71500001", "17/07/1999");
                server.awaitLogLine(before, "could not be sent");
            } finally {
                useSmtpPort(realm, smtp, smtp.get("port"));
            }
            // the refused email gave its slot back; a new link (voiding the first) arrives once the server accepts
            form.submit("71500001", "17/07/1999");
            String link = ActivationJourney.link(
                    mail.awaitMessagesTo(ADDRESS, 2, Duration.ofSeconds(60)).get(1));

            ActivationJourney journey = new ActivationJourney(browser);
            assertThat(journey.open(link)).isEqualTo("lpcanary");
            assertThat(journey.upToSummary(PASSWORD).activate()).contains("mis à jour");
            assertThat(Students.signIn(server, "lpcanary", PASSWORD)).isEqualTo(200);
            assertThat(Students.signIn(server, "lpcanary", PASSWORD + "-wrong")).isIn(400, 401);

            browser.manage().deleteAllCookies();
            browser.get(server.realmUrl() + "/login-actions/reset-credentials?client_id=account-console");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys("lpcanary");
            browser.findElement(By.cssSelector("form [type=submit]")).click();
            mail.awaitSubject(ADDRESS, "Réinitialiser le mot de passe", Duration.ofSeconds(60));

            String log = Files.readString(server.log(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            // the test did reach the paths that log about this student
            assertThat(log).contains("71500001");
            for (String canary : CANARIES) {
                assertThat(log)
                        .as("the server log must not contain %s", canary)
                        .doesNotContain(canary.toLowerCase(Locale.ROOT));
            }
        } finally {
            Students.forget(realm, database, "lpcanary");
        }
    }

    private static void useSmtpPort(RealmResource realm, Map<String, String> smtp, String port) {
        RealmRepresentation update = new RealmRepresentation();
        Map<String, String> settings = new java.util.HashMap<>(smtp);
        settings.put("port", port);
        update.setSmtpServer(settings);
        realm.update(update);
    }
}
