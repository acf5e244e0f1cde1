package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Lockout is no weapon: 1,000 wrong passwords sent for a student's login from elsewhere lock the account for every
 * other client (the right password included), and do not stop the student's own browser, which signed in before (a
 * known device: {@code ent-known-device}, Keycloak's brute-force detection with device cookies).
 */
@EntServerTest
class LockoutIT {

    private static final String PASSWORD = "Marmotte-Falaise-Orge-64";

    @Test
    void aThousandWrongPasswordsFromElsewhereDoNotStopTheStudentsOwnBrowser_andTheAttackerStaysLocked(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, WebDriver browser) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Students.insertPaid(database, "71970001", "lockzoe", "Zoé", "Verrou");
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "lockzoe", PASSWORD);
            UserResource user =
                    realm.users().get(Students.user(realm, "lockzoe").getId());

            // the student signs in once from her browser, then her session ends
            signIn(browser, server);
            awaitSessions(user, 1);
            user.logout();
            awaitSessions(user, 0);
            // the browser forgets its session; it keeps what it keeps for good, the device cookie among it
            for (String name : new String[] {"KEYCLOAK_IDENTITY", "KEYCLOAK_SESSION", "AUTH_SESSION_ID"}) {
                browser.manage().deleteCookieNamed(name);
            }

            // someone else sends 1,000 wrong passwords for her login, four at a time
            java.util.concurrent.ExecutorService attacker = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    String guess = "Mauvais-essai-" + i;
                    answers.add(attacker.submit(() -> Students.signIn(server, "lockzoe", guess)));
                }
                for (java.util.concurrent.Future<Integer> answer : answers) {
                    assertThat(answer.get()).isBetween(400, 401);
                }
            } finally {
                attacker.shutdownNow();
            }
            Map<String, Object> status = realm.attackDetection()
                    .bruteForceUserStatus(user.toRepresentation().getId());
            assertThat(status.get("disabled"))
                    .as("the account is locked for other clients: %s", status)
                    .isEqualTo(true);
            // locked for them, the right password included
            assertThat(Students.signIn(server, "lockzoe", PASSWORD)).isBetween(400, 401);

            // her own browser signs in with her password
            signIn(browser, server);
            awaitSessions(user, 1);

            // (the browser is known to the account by its device cookie)
            assertThat(browser.manage().getCookies())
                    .extracting(Cookie::getName)
                    .anyMatch(name -> name.startsWith("ENT_DEVICE_"));

            // and the stranger stays locked out
            assertThat(Students.signIn(server, "lockzoe", PASSWORD)).isBetween(400, 401);
            assertThat(realm.attackDetection()
                            .bruteForceUserStatus(user.toRepresentation().getId())
                            .get("disabled"))
                    .isEqualTo(true);
        } finally {
            String id = Students.user(realm, "lockzoe").getId();
            realm.attackDetection().clearBruteForceForUser(id);
            Students.forget(realm, database, "lockzoe");
        }
    }

    /**
     * Signs in through the realm's login page, reached from a server-rendered page (the assistance console, which a
     * student may not use: the sign-in itself is what counts here) rather than the account console's script.
     */
    private static void signIn(WebDriver browser, KeycloakServer server) {
        browser.get(server.realmUrl() + "/ent-assistance");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys("lockzoe");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait.until(driver -> !driver.getCurrentUrl().contains("login-actions")
                && !driver.getCurrentUrl().contains("openid-connect/auth"));
    }

    private static void awaitSessions(UserResource user, int count) throws InterruptedException {
        for (int i = 0; i < 100 && user.getUserSessions().size() != count; i++) {
            Thread.sleep(100);
        }
        assertThat(user.getUserSessions()).hasSize(count);
    }
}
