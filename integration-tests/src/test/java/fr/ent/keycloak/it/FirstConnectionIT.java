package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.FirstConnectionForm;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.Students;
import fr.ent.keycloak.it.support.UserEvents;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "1ère connexion" on the real server: the same answer whatever the case, the guidance by email to the personal
 * address (new link, ready at HH:MM, fee not paid, already active), students enrolled since the last sync found by
 * student number or INE, the limits (failed attempts, emails, per address), the cross-site protection, and the page in
 * Chromium from the sign-in page.
 */
@EntServerTest
class FirstConnectionIT {

    private static final int YEAR = Students.CURRENT_ACADEMIC_YEAR;
    private static final String BORN = "14/03/2006";
    private static final Duration MAIL_WAIT = Duration.ofSeconds(60);

    @Test
    void theSameAnswerWhateverTheCase_theGuidanceGoesToThePersonalAddress(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        OffsetDateTime justPaid =
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        try {
            try (Connection connection = database.connect()) {
                OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
                Students.insert(connection, "ent_enrolment", "71000004", "fcdan", "Dan", "Actif", yesterday, YEAR);
            }
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "fcdan", "Girafe-trombone-lanterne-8");
            // enrolled after the last sync: found by the form itself
            try (Connection connection = database.connect()) {
                OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
                Students.insert(connection, "ent_enrolment", "71000001", "fcana", "Ana", "Lien", yesterday, YEAR);
                Students.insert(connection, "ent_enrolment", "71000002", "fcbob", "Bob", "Bientôt", justPaid, YEAR);
                Students.insert(connection, "ent_enrolment", "71000003", "fccle", "Clé", "Impayé", null, YEAR);
                try (PreparedStatement ine =
                        connection.prepareStatement("UPDATE ent_enrolment SET ine = ? WHERE login = ?")) {
                    ine.setString(1, "0A71000003X");
                    ine.setString(2, "fccle");
                    ine.executeUpdate();
                }
            }

            FirstConnectionForm form = new FirstConnectionForm(server.realmUrl());
            List<HttpResponse<String>> answers = new ArrayList<>();
            answers.add(form.submit("71000002", "15/03/2006")); // wrong birth date
            answers.add(form.submit("99999999", BORN)); // nobody
            answers.add(form.submit("71000001", BORN)); // activatable, by student number
            answers.add(form.submit("fcbob", "2006-03-14")); // paid 5 minutes ago, by login, as a date field sends it
            answers.add(form.submit("0a71000003x", BORN)); // not paid, by INE typed in lower case
            answers.add(form.submit("fcdan", BORN)); // already active

            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body())
                        .isEqualTo(answers.get(0).body())
                        .contains("nous avons écrit à l&#39;adresse personnelle")
                        .doesNotContain("fcana@example.org")
                        .doesNotContain("fcbob@example.org")
                        .doesNotContain("fcdan@example.org");
            }

            ReceivedMail link =
                    mail.awaitSubject("fcana@example.org", "[ENT] Activez votre compte informatique", MAIL_WAIT);
            assertThat(link.text()).contains("fcana").contains("/login-actions/action-token?key=");
            ReceivedMail readyAt =
                    mail.awaitSubject("fcbob@example.org", "[ENT] Votre compte sera bientôt prêt", MAIL_WAIT);
            String expected = justPaid.plusMinutes(15)
                    .atZoneSameInstant(ZoneId.of("Europe/Paris"))
                    .format(DateTimeFormatter.ofPattern("HH:mm"));
            assertThat(readyAt.text()).contains("à partir de " + expected);
            ReceivedMail unpaid =
                    mail.awaitSubject("fccle@example.org", "[ENT] Activation de votre compte informatique", MAIL_WAIT);
            assertThat(unpaid.text())
                    .contains("pas encore enregistré le paiement")
                    .contains("fccle");
            ReceivedMail active = mail.awaitSubject(
                    "fcdan@example.org", "[ENT] Votre compte informatique est déjà activé", MAIL_WAIT);
            assertThat(active.text())
                    .contains("fcdan")
                    .contains(server.realmUrl() + "/login-actions/reset-credentials?client_id=");

            // the wrong birth date is recorded and sent nothing
            UserEvents.awaitFirstConnectionOutcome(realm, "fcbob", "birth_date_mismatch", 1);
            assertThat(mail.messagesTo("fcbob@example.org")).hasSize(1);
            assertThat(Students.user(realm, "fccle").getAttributes())
                    .containsEntry("supannCodeINE", List.of("0A71000003X"));
        } finally {
            Students.forget(realm, database, "fcana", "fcbob", "fccle", "fcdan");
        }
    }

    @Test
    void fiveWrongBirthDatesStopTheFormForThatStudent_andThreeEmailsADay(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try {
            try (Connection connection = database.connect()) {
                Students.insert(connection, "ent_enrolment", "71000005", "fceve", "Ève", "Essais", null, YEAR);
                Students.insert(connection, "ent_enrolment", "71000006", "fcfay", "Fay", "Courriels", null, YEAR);
            }
            FirstConnectionForm form = new FirstConnectionForm(server.realmUrl());
            for (int attempt = 1; attempt <= 5; attempt++) {
                form.submit("71000005", "0" + attempt + "/01/2006");
            }
            UserEvents.awaitFirstConnectionOutcome(realm, "fceve", "birth_date_mismatch", 5);
            HttpResponse<String> sixth = form.submit("71000005", BORN);
            assertThat(sixth.statusCode()).isEqualTo(200);
            UserEvents.awaitFirstConnectionOutcome(realm, "fceve", "throttled_failures", 1);
            assertThat(mail.messagesTo("fceve@example.org")).isEmpty();
            // the student's sign-in is not concerned: the account is unchanged
            assertThat(Students.user(realm, "fceve").isEnabled()).isTrue();

            for (int request = 1; request <= 4; request++) {
                form.submit("fcfay", BORN);
            }
            UserEvents.awaitFirstConnectionOutcome(realm, "fcfay", "throttled_emails", 1);
            assertThat(mail.awaitMessagesTo("fcfay@example.org", 3, MAIL_WAIT)).hasSize(3);
            assertThat(UserEvents.firstConnectionOutcomes(realm, "fcfay"))
                    .containsOnly("sent_send_unpaid", "throttled_emails");
        } finally {
            Students.forget(realm, database, "fceve", "fcfay");
        }
    }

    @Test
    void aPageOfAnotherSiteCannotSendTheForm_andOneAddressIsLimited(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server) throws Exception {
        // another browser's token, or none: refused before anything is looked up or counted
        String token = FirstConnectionForm.token(
                new FirstConnectionForm(server.realmUrl()).open().body());
        FirstConnectionForm attacker = new FirstConnectionForm(server.realmUrl());
        HttpResponse<String> forged = attacker.post(token, "71000001", BORN);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("Ce formulaire a expiré");
        attacker.open();
        assertThat(attacker.post("not-a-token", "71000001", BORN).statusCode()).isEqualTo(400);
        assertThat(attacker.post(token, "71000001", BORN).statusCode()).isEqualTo(400);

        // input errors depend on the text typed only
        HttpResponse<String> badDate = attacker.submit("71000001", "31/02/2006");
        assertThat(badDate.body()).contains("Cette date n&#39;est pas valide").contains("value=\"31/02/2006\"");

        RealmResource realm = admin.realm(KeycloakServer.REALM);
        RealmRepresentation representation = realm.toRepresentation();
        Map<String, String> before = new HashMap<>(representation.getAttributes());
        try {
            representation.getAttributes().put("entFirstConnectionMaxPerAddress", "2");
            realm.update(representation);
            int status = 0;
            HttpResponse<String> answer = null;
            for (int i = 0; i < 3 && status != 429; i++) {
                answer = attacker.submit("99999999", BORN);
                status = answer.statusCode();
            }
            assertThat(status).isEqualTo(429);
            assertThat(answer.body()).contains("Trop de demandes");
            // a client that rotates its own X-Forwarded-For is still counted by the address it comes from
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> rotated = attacker.submitClaimingToBe("203.0.113." + (10 + i), "99999999", BORN);
                assertThat(rotated.statusCode())
                        .as("claiming 203.0.113.%d", 10 + i)
                        .isEqualTo(429);
            }
        } finally {
            representation.setAttributes(before);
            realm.update(representation);
        }
    }

    @Test
    void thePagesExistOnlyInARealmThatRunsTheActivation(KeycloakServer server) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/realms/master/ent-first-connection", "/realms/master/ent-help")) {
            java.net.http.HttpResponse<String> answer = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(new FirstConnectionForm(server.realmUrl()).open().statusCode())
                .isEqualTo(200);
    }

    @Test
    void fromTheSignInPageInChromium(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        browser.get(server.realmUrl() + "/account");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-first-connection")))
                .click();

        WebElement identifier = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("identifier")));
        assertThat(browser.findElement(By.id("kc-page-title")).getText()).isEqualTo("1ère connexion");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        identifier.sendKeys("99999999");
        browser.findElement(By.id("birthDate")).sendKeys("31/02/2006");
        browser.findElement(By.id("ent-first-connection-send")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("input-error-birthDate")))
                        .getText())
                .contains("Cette date n'est pas valide");

        WebElement date = browser.findElement(By.id("birthDate"));
        date.clear();
        date.sendKeys(BORN);
        browser.findElement(By.id("ent-first-connection-send")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-first-connection-sent")))
                        .getText())
                .contains("Si ces informations correspondent à un étudiant");
        assertThat(browser.findElement(By.id("ent-back-to-login")).getAttribute("href"))
                .isNotBlank();

        browser.get(server.realmUrl() + "/ent-first-connection?kc_locale=en");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")))
                        .getText())
                .isEqualTo("First sign-in");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Date of birth");

        // the form sent in English: the guidance email is in English too (the account has no language of its own)
        try {
            try (Connection connection = database.connect()) {
                OffsetDateTime yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
                Students.insert(connection, "ent_enrolment", "71000019", "fcgwen", "Gwen", "Anglaise", yesterday, YEAR);
            }
            browser.findElement(By.id("identifier")).sendKeys("71000019");
            browser.findElement(By.id("birthDate")).sendKeys(BORN);
            browser.findElement(By.id("ent-first-connection-send")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-first-connection-sent")));
            ReceivedMail link =
                    mail.awaitSubject("fcgwen@example.org", "[ENT] Activate your university account", MAIL_WAIT);
            assertThat(link.text()).contains("fcgwen");
        } finally {
            Students.forget(admin.realm(KeycloakServer.REALM), database, "fcgwen");
        }
    }

    @Test
    void theHelpPagesAnswerWithoutSigningIn_inFrenchAndInEnglish(KeycloakServer server, WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(server.realmUrl() + "/account");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-link-login-problems")))
                .click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-login-problems")))
                        .getText())
                .contains("Je n'ai pas reçu le courriel d'activation")
                .contains("courriers indésirables")
                .contains("15 minutes")
                .contains("J'ai oublié mon mot de passe")
                .contains("J'ai oublié mon identifiant")
                .contains("31 décembre")
                .contains("navigateur");
        browser.findElement(By.id("ent-link-help")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-help")))
                        .getText())
                .contains("Activer mon compte")
                .contains("24 heures")
                .contains("carte d'étudiant");
        String reset = browser.findElement(By.cssSelector("#ent-help a[href*='reset-credentials']"))
                .getAttribute("href");
        browser.get(reset);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                        .isDisplayed())
                .isTrue();

        browser.get(server.realmUrl() + "/ent-help/login-problems?kc_locale=en");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")))
                        .getText())
                .isEqualTo("Trouble signing in");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        // the language chosen stays for the next page
        browser.get(server.realmUrl() + "/ent-help");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")))
                        .getText())
                .isEqualTo("Help");
    }
}
