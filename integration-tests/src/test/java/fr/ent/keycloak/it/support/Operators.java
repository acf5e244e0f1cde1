package fr.ent.keycloak.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Helpdesk operators of the assistance console: local accounts of the realm holding the realm role ent-helpdesk. */
public final class Operators {

    public static final String PASSWORD = "Girafe-trombone-lanterne-8";

    private Operators() {}

    /** Creates the operator; returns the account's id (delete it after the test). */
    public static String create(RealmResource realm, String username) {
        String id = account(realm, username);
        realm.users()
                .get(id)
                .roles()
                .realmLevel()
                .add(List.of(realm.roles().get("ent-helpdesk").toRepresentation()));
        return id;
    }

    /**
     * Creates an administrator of the realm (realm-management's {@code realm-admin}: the realm's whole admin console,
     * nothing of the master realm); returns the account's id (delete it after the test).
     */
    public static String createAdministrator(RealmResource realm, String username) {
        String id = account(realm, username);
        ClientRepresentation management =
                realm.clients().findByClientId("realm-management").get(0);
        realm.users()
                .get(id)
                .roles()
                .clientLevel(management.getId())
                .add(List.of(realm.clients()
                        .get(management.getId())
                        .roles()
                        .get("realm-admin")
                        .toRepresentation()));
        return id;
    }

    /** An account with the password {@link #PASSWORD} and no role. */
    private static String account(RealmResource realm, String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setFirstName("Opé");
        user.setLastName("Rateur");
        user.setEmail(username + "@example.org");
        user.setEmailVerified(true);
        user.setEnabled(true);
        String id;
        try (Response created = realm.users().create(user)) {
            assertThat(created.getStatus()).isEqualTo(201);
            id = CreatedResponseUtil.getCreatedId(created);
        }
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        realm.users().get(id).resetPassword(password);
        return id;
    }

    /** Opens {@code page} of the console in the browser, signing in through the realm's login page on the way. */
    public static void signIn(WebDriver browser, String page, String username, String password) {
        browser.get(page);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    /**
     * On a student's card in the assistance console: opens the action's confirmation page, types the reason and
     * confirms.
     */
    public static void act(WebDriver browser, String action, String reason) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#ent-action-" + action + " a")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-action-reason")))
                .sendKeys(reason);
        browser.findElement(By.id("ent-action-confirm")).click();
    }

    /** The browser's cookies for the realm, as a {@code Cookie} header: a request that rides on its sign-in. */
    public static String cookies(WebDriver browser) {
        return browser.manage().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    /** An access token of the operator (password grant through admin-cli), to try Keycloak's admin REST API. */
    public static String token(KeycloakServer server, String username) throws Exception {
        return Tokens.accessToken(server, "admin-cli", username, PASSWORD, null);
    }
}
