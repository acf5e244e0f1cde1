package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PasswordPolicyTypeRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The ENT password rules on the real server: on the admin REST API and on the login pages, in French and English. */
@EntServerTest
class PasswordPolicyIT {

    private static final List<String> POLICIES = List.of(
            "entPassword",
            "entPasswordRecommendedLength",
            "entPasswordMaxLength",
            "entPasswordForbiddenCharacters",
            "entPasswordDictionaryCoverage",
            "entPasswordContextWords");

    @Test
    void everyEntPolicyIsOfferedAndTheDemoRealmUsesThem(Keycloak admin) {
        assertThat(admin.serverInfo().getInfo().getPasswordPolicies())
                .extracting(PasswordPolicyTypeRepresentation::getId)
                .containsAll(POLICIES);
        String realmPolicy =
                admin.realm(KeycloakServer.REALM).toRepresentation().getPasswordPolicy();
        assertThat(POLICIES).allSatisfy(id -> assertThat(realmPolicy).contains(id + "("));
    }

    @Test
    void anInvalidSettingIsRefusedOnSaveWithAMessageNamingIt(Keycloak admin) {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String before = realm.toRepresentation().getPasswordPolicy();
        RealmRepresentation update = new RealmRepresentation();
        update.setPasswordPolicy("entPassword(8) and entPasswordMaxLength(10)");

        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> realm.update(update));

        assertThat(refused).isNotNull();
        assertThat(refused.getResponse().readEntity(String.class))
                .contains("maximum length must be between 64 and 4096");
        assertThat(realm.toRepresentation().getPasswordPolicy()).isEqualTo(before);
    }

    @Test
    void loginPagesCanReadTheActiveRules(KeycloakServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.realmUrl() + "/ent-password/rules"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> rules = new ObjectMapper().readValue(response.body(), Map.class);
        assertThat(rules)
                .containsEntry("active", true)
                .containsEntry("minLength", 8)
                .containsEntry("recommendedLength", 12)
                .containsEntry("maxLength", 128)
                .containsEntry("forbiddenCharacters", "<>\"'$");
    }

    @Test
    void adminResetWithADictionaryPasswordIsRefusedInFrench(Keycloak admin) {
        UserResource user = newStudent(admin, null);

        String message = refusal(user, "Soleil2024!");

        assertThat(message)
                .startsWith("Ce mot de passe ne convient pas.")
                .contains("mot du dictionnaire")
                .doesNotContain("entPassword");
    }

    @Test
    void adminResetListsEveryBrokenRuleInTheStudentsLanguage(Keycloak admin) {
        UserResource user = newStudent(admin, "en");

        String message = refusal(user, "azer<");

        assertThat(message)
                .startsWith("This password cannot be used.")
                .contains("at least 8 characters (12 or more are recommended)")
                .contains("at least one digit")
                .contains("these characters: <")
                .contains("keyboard sequence")
                .contains("dictionary word");
    }

    @Test
    void adminResetRefusesThePersonalDataOfTheStudent(Keycloak admin) {
        UserResource user = newStudent(admin, null);

        assertThat(refusal(user, "Hippolyte2007")).contains("vos nom et prénom");
    }

    @Test
    void adminResetAcceptsAPassphrase(Keycloak admin) {
        UserResource user = newStudent(admin, null);

        user.resetPassword(password("cheval-agrafe-batterie-correct7", false));

        assertThat(user.credentials())
                .extracting(CredentialRepresentation::getType)
                .contains("password");
    }

    @Test
    void studentChoosingAPasswordSeesWhyItIsRefusedThenSucceeds(
            Keycloak admin, KeycloakServer server, WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signInWithATemporaryPassword(admin, server, browser).sendKeys("Soleil2024!");
        browser.findElement(By.id("password-confirm")).sendKeys("Soleil2024!");
        browser.findElement(By.cssSelector("[type=submit]")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "ne convient pas"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("mot du dictionnaire");

        browser.findElement(By.id("password-new")).sendKeys("cheval-agrafe-batterie-correct7");
        browser.findElement(By.id("password-confirm")).sendKeys("cheval-agrafe-batterie-correct7");
        browser.findElement(By.cssSelector("[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/realms/ent/account"));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("login-actions")));
        assertThat(browser.getCurrentUrl()).doesNotContain("login-actions");
    }

    @Test
    void theChecklistFollowsWhatTheStudentTypes_fedByTheServersRules(
            Keycloak admin, KeycloakServer server, WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement field = signInWithATemporaryPassword(admin, server, browser);
        assertThat(browser.findElement(By.id("kc-page-title")).getText()).isEqualTo("Choisissez votre mot de passe");
        // the server's rules reached the page: its forbidden characters, spaced out by the script
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-ent-rule=forbidden] .ent-rule-text"), "< > \" ' $"));
        assertThat(rule(browser, "length")).contains("au moins 8 caractères");
        // on an empty field a prohibition is not "still to do": nothing breaks it yet
        assertThat(state(browser, "forbidden")).isEqualTo("ok");
        assertThat(rule(browser, "forbidden")).doesNotContain("pas encore");
        assertThat(state(browser, "digit")).isEqualTo("todo");

        field.sendKeys("abc");
        assertThat(state(browser, "length")).isEqualTo("todo");
        assertThat(state(browser, "letter")).isEqualTo("ok");
        assertThat(state(browser, "digit")).isEqualTo("todo");
        assertThat(state(browser, "forbidden")).isEqualTo("ok");
        assertThat(rule(browser, "digit")).contains("(pas encore)");
        field.sendKeys("12345");
        assertThat(state(browser, "length")).isEqualTo("ok");
        assertThat(state(browser, "digit")).isEqualTo("ok");
        assertThat(rule(browser, "digit")).contains("(respecté)");
        assertThat(browser.findElement(By.id("ent-password-meter")).getAttribute("value"))
                .isEqualTo("8");
        field.sendKeys("\uFF04"); // a full-width dollar sign: the server refuses it too
        assertThat(state(browser, "forbidden")).isEqualTo("todo");
        // the caps-lock warning waits, hidden, for a key pressed with Caps Lock on
        assertThat(browser.findElement(By.id("ent-capslock")).isDisplayed()).isFalse();
    }

    private static String state(WebDriver browser, String rule) {
        return browser.findElement(By.cssSelector("[data-ent-rule=" + rule + "]"))
                .getAttribute("data-state");
    }

    private static String rule(WebDriver browser, String rule) {
        return browser.findElement(By.cssSelector("[data-ent-rule=" + rule + "]"))
                .getText();
    }

    /**
     * A new student with a temporary password signs in from the account console: the page where the student chooses a
     * password; its new-password field.
     */
    private static WebElement signInWithATemporaryPassword(Keycloak admin, KeycloakServer server, WebDriver browser) {
        UserResource user = newStudent(admin, null);
        String username = user.toRepresentation().getUsername();
        user.resetPassword(password("Provisoire-tmp-4821-qz", true));
        browser.get(server.realmUrl() + "/account");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("Provisoire-tmp-4821-qz");
        browser.findElement(By.id("kc-login")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
    }

    /** A local student (the federation's test data comes with the enrolment issue). */
    private static UserResource newStudent(Keycloak admin, String locale) {
        UserRepresentation student = new UserRepresentation();
        student.setUsername("it-" + UUID.randomUUID().toString().substring(0, 8));
        student.setFirstName("Hippolyte");
        student.setLastName("Durand-Vasseur");
        student.setEmail(student.getUsername() + "@example.org");
        student.setEnabled(true);
        if (locale != null) {
            student.setAttributes(Map.of("locale", List.of(locale)));
        }
        try (Response response = admin.realm(KeycloakServer.REALM).users().create(student)) {
            assertThat(response.getStatus()).isEqualTo(201);
            return admin.realm(KeycloakServer.REALM).users().get(CreatedResponseUtil.getCreatedId(response));
        }
    }

    private static CredentialRepresentation password(String value, boolean temporary) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(temporary);
        return credential;
    }

    /** The message the admin REST API answers a refused reset-password with. */
    private static String refusal(UserResource user, String value) {
        BadRequestException refused =
                catchThrowableOfType(BadRequestException.class, () -> user.resetPassword(password(value, false)));
        assertThat(refused).as("reset-password with %s must be refused", value).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = refused.getResponse().readEntity(Map.class);
        return String.valueOf(body.get("error_description"));
    }
}
