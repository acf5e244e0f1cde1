package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import fr.ent.keycloak.it.support.Tokens;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the university vouches for — the names and the personal address from the enrolment source — is read-only on a
 * student's account on every path: the account console's REST API (with the student's own token), Keycloak's
 * update-profile step in the browser (even with the form edited by hand), and the admin REST API. An account made by
 * hand (staff) keeps the realm's own permissions.
 */
@EntServerTest
class VouchedAttributesIT {

    private static final String PASSWORD = "Cerf-volant-aquarelle-57";
    private static final String CLIENT = "it-vouched";

    @Test
    void neitherTheStudentNorAnAdministratorRewritesTheNamesOrTheAddress(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Students.insertPaid(database, "71950001", "vouchcam", "Camille", "Vérité");
        String client = Tokens.directGrantClient(realm, CLIENT, List.of());
        String staff = null;
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "vouchcam", PASSWORD);
            HttpClient http = HttpClient.newHttpClient();
            String token = Tokens.accessToken(server, CLIENT, "vouchcam", PASSWORD, null);

            // the account console's REST API: the student's own profile, edited
            HttpResponse<String> profile = http.send(
                    HttpRequest.newBuilder(URI.create(server.realmUrl() + "/account"))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
            @SuppressWarnings("unchecked")
            Map<String, Object> account = new ObjectMapper().readValue(profile.body(), Map.class);
            for (Map.Entry<String, String> edit : Map.of(
                            "firstName", "Usurpée",
                            "lastName", "Autre",
                            "email", "ailleurs@example.net")
                    .entrySet()) {
                Map<String, Object> edited = new java.util.HashMap<>(account);
                edited.put(edit.getKey(), edit.getValue());
                HttpResponse<String> saved = http.send(
                        HttpRequest.newBuilder(URI.create(server.realmUrl() + "/account"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        new ObjectMapper().writeValueAsString(edited)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(saved.statusCode())
                        .as(edit.getKey() + ": " + saved.body())
                        .isEqualTo(400);
                assertThat(saved.body()).contains("error-user-attribute-read-only");
            }
            assertUnchanged(realm);

            // the admin REST API (and so the admin console) refuses too: the enrolment office corrects the source
            UserResource user =
                    realm.users().get(Students.user(realm, "vouchcam").getId());
            UserRepresentation renamed = user.toRepresentation();
            renamed.setLastName("Renommée");
            try {
                user.update(renamed);
                throw new AssertionError("an administrator renamed a student of the enrolment source");
            } catch (BadRequestException refused) {
                assertThat(refused.getResponse().readEntity(String.class)).contains("error-user-attribute-read-only");
            }
            assertUnchanged(realm);

            // an account made by hand in the realm (staff) keeps the realm's permissions
            UserRepresentation person = new UserRepresentation();
            person.setUsername("vouch-staff");
            person.setFirstName("Agent");
            person.setLastName("Local");
            person.setEnabled(true);
            try (Response created = realm.users().create(person)) {
                assertThat(created.getStatus()).isEqualTo(201);
                staff = CreatedResponseUtil.getCreatedId(created);
            }
            UserRepresentation local = realm.users().get(staff).toRepresentation();
            local.setLastName("Renommé");
            realm.users().get(staff).update(local);
            assertThat(realm.users().get(staff).toRepresentation().getLastName())
                    .isEqualTo("Renommé");
        } finally {
            if (staff != null) {
                realm.users().delete(staff).close();
            }
            realm.clients().get(client).remove();
            Students.forget(realm, database, "vouchcam");
        }
    }

    @Test
    void keycloaksUpdateProfileStepCannotChangeThemEvenWithTheFormEditedByHand(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, WebDriver browser) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Students.insertPaid(database, "71950002", "vouchcam2", "Camille", "Vérité");
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "vouchcam2", PASSWORD);
            UserResource user =
                    realm.users().get(Students.user(realm, "vouchcam2").getId());
            UserRepresentation withAction = user.toRepresentation();
            withAction.setRequiredActions(List.of("UPDATE_PROFILE"));
            user.update(withAction);

            browser.get(server.realmUrl() + "/account");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys("vouchcam2");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("lastName")));
            // the page shows the names, not for editing
            assertThat(browser.findElement(By.id("lastName")).getAttribute("value"))
                    .isEqualTo("Vérité");
            assertThat(browser.findElement(By.id("lastName")).isEnabled()
                            && browser.findElement(By.id("lastName")).getAttribute("readonly") == null)
                    .as("the last name is offered for editing")
                    .isFalse();
            // someone edits the form by hand: the server does not take it
            ((JavascriptExecutor) browser)
                    .executeScript("for (const id of ['firstName', 'lastName', 'email']) {"
                            + " const field = document.getElementById(id); if (!field) continue;"
                            + " field.removeAttribute('disabled'); field.removeAttribute('readonly');"
                            + " field.value = id === 'email' ? 'ailleurs@example.net' : 'Usurpée'; }"
                            + " document.querySelector('form').submit();");
            wait.until(driver -> !driver.getCurrentUrl().contains("required-action")
                    || driver.getPageSource().contains("kc-feedback-text")
                    || driver.getPageSource().contains("input-error"));
            UserRepresentation after = Students.user(realm, "vouchcam2");
            assertThat(after.getFirstName()).isEqualTo("Camille");
            assertThat(after.getLastName()).isEqualTo("Vérité");
            assertThat(after.getEmail()).isEqualTo("vouchcam2@example.org");
        } finally {
            Students.forget(realm, database, "vouchcam2");
        }
    }

    private static void assertUnchanged(RealmResource realm) {
        UserRepresentation stored = Students.user(realm, "vouchcam");
        assertThat(stored.getFirstName()).isEqualTo("Camille");
        assertThat(stored.getLastName()).isEqualTo("Vérité");
        assertThat(stored.getEmail()).isEqualTo("vouchcam@example.org");
    }
}
