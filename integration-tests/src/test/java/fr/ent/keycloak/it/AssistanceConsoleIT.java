package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.Browser;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Operators;
import fr.ent.keycloak.it.support.PageChecks;
import fr.ent.keycloak.it.support.Students;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The assistance console as a helpdesk operator uses it, in Chromium: sign in through the realm's login, find a
 * student by student number, read where the student stands with the personal address masked; a student gets 403;
 * the operator's role gives nothing of Keycloak's admin REST API.
 */
@EntServerTest
class AssistanceConsoleIT {

    private static final String PASSWORD = Operators.PASSWORD;

    @Test
    void anOperatorFindsAStudentAndSeesWhereTheStudentStands(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, WebDriver browser) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String operator = Operators.create(realm, "op-assist1");
        Students.insertPaid(database, "71900001", "asmila", "Mila", "Assistée");
        Students.insertPaid(database, "71900002", "asleo", "Léo", "Curieux");
        WebDriver student = null;
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "asleo", PASSWORD);

            // not signed in: the realm's own login page
            Operators.signIn(browser, server.realmUrl() + "/ent-assistance", "op-assist1", Operators.PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-assistance-q")))
                    .sendKeys("71900001");
            PageChecks pages = new PageChecks(browser, true);
            pages.check("assistance-search");
            browser.findElement(By.id("ent-assistance-go")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-assistance-results")));
            pages.check("assistance-results");
            assertThat(browser.findElement(By.id("ent-assistance-results")).getText())
                    .contains("Mila Assistée", "asmila", "71900001", "Activable")
                    .doesNotContain("asleo");
            browser.findElement(By.linkText("Mila Assistée")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-card-state")));
            pages.check("assistance-student");
            assertThat(browser.findElement(By.id("ent-card-state")).getText()).isEqualTo("Activable");
            assertThat(browser.findElement(By.id("ent-card-email")).getText()).isEqualTo("a•••@exa•••.org");
            assertThat(browser.findElement(By.id("ent-card-university-email")).getText())
                    .isEqualTo("asmila@etu.example.fr");
            assertThat(browser.getPageSource()).doesNotContain("asmila@example.org");
            assertThat(browser.findElement(By.id("ent-card-paid")).getText())
                    .matches("\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d");
            assertThat(pages.problems()).isEmpty();

            // a search by name finds the student too; one that matches nobody says so
            browser.get(
                    server.realmUrl() + "/ent-assistance?q=" + URLEncoder.encode("Assistée", StandardCharsets.UTF_8));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-assistance-results")))
                            .getText())
                    .contains("asmila");
            browser.get(server.realmUrl() + "/ent-assistance?q=nobody-zz");
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-assistance-none")))
                            .getText())
                    .isNotBlank();

            // a student who signs in gets a 403 page, not the console
            student = Browser.open();
            student.get(server.realmUrl() + "/ent-assistance");
            WebDriverWait studentWait = new WebDriverWait(student, Duration.ofSeconds(30));
            studentWait
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys("asleo");
            student.findElement(By.id("password")).sendKeys(PASSWORD);
            student.findElement(By.id("kc-login")).click();
            assertThat(studentWait
                            .until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")))
                            .getText())
                    .contains("réservée à l'assistance");
            assertThat(student.findElements(By.id("ent-assistance-q"))).isEmpty();

            // the operator's role opens nothing of Keycloak's admin REST API
            String token = Operators.token(server, "op-assist1");
            HttpResponse<String> users = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users"))
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(users.statusCode()).isEqualTo(403);
        } finally {
            if (student != null) {
                student.quit();
            }
            realm.users().delete(operator).close();
            Students.forget(realm, database, "asmila", "asleo");
        }
    }

    @Test
    void theSearchNeverLooksAtThePersonalAddress_andPrivilegedAccountsAreOutsideTheConsole(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, WebDriver browser) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String operator = Operators.create(realm, "op-assist2");
        Students.insertPaid(database, "71900011", "asines", "Inès", "Masquée");
        Students.insertPaid(database, "71900012", "ashelp", "Hélène", "Collègue");
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            // a student who also works at the helpdesk
            String colleague = Students.user(realm, "ashelp").getId();
            realm.users()
                    .get(colleague)
                    .roles()
                    .realmLevel()
                    .add(List.of(realm.roles().get("ent-helpdesk").toRepresentation()));
            Operators.signIn(browser, server.realmUrl() + "/ent-assistance", "op-assist2", Operators.PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-assistance-q")));

            // the name finds the student
            assertThat(search(browser, wait, "Masquée")).contains("asines");
            // the masked personal address, whole or with a wildcard beside the login, finds nobody
            for (String typed : List.of("asines@example.org", "a*@example.org asines", "*example.org*", "%@%")) {
                assertThat(search(browser, wait, typed)).as(typed).isNull();
            }
            // the colleague is found neither by number, nor by login, nor by name, and the card is not there
            for (String typed : List.of("71900012", "ashelp", "Collègue")) {
                assertThat(search(browser, wait, typed)).as(typed).isNull();
            }
            browser.get(server.realmUrl() + "/ent-assistance/students/" + colleague);
            assertThat(browser.findElements(By.id("ent-card-state"))).isEmpty();
            assertThat(browser.getPageSource()).doesNotContain("71900012");
        } finally {
            realm.users().delete(operator).close();
            Students.forget(realm, database, "asines", "ashelp");
        }
    }

    /** The results of a search in the console, or null when it found nobody. */
    private static String search(WebDriver browser, WebDriverWait wait, String typed) {
        browser.get(browser.getCurrentUrl().replaceAll("/ent-assistance.*", "/ent-assistance?q=")
                + URLEncoder.encode(typed, StandardCharsets.UTF_8));
        wait.until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("ent-assistance-results")),
                ExpectedConditions.presenceOfElementLocated(By.id("ent-assistance-none"))));
        List<org.openqa.selenium.WebElement> results = browser.findElements(By.id("ent-assistance-results"));
        return results.isEmpty() ? null : results.get(0).getText();
    }

    @Test
    void withoutSigningInTheConsoleSendsToTheRealmsLogin(KeycloakServer server) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.realmUrl() + "/ent-assistance?q=71900001"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElse(""))
                .contains("/realms/ent/protocol/openid-connect/auth")
                .contains("client_id=ent-assistance");
        assertThat(answer.body()).doesNotContain("71900001");
    }
}
