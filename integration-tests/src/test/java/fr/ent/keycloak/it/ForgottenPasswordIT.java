package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.Students;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An active student who forgot the password uses Keycloak's reset flow: the link goes to the personal address (the
 * student cannot read university mail without the password), and the new password follows the same policy.
 */
@EntServerTest
class ForgottenPasswordIT {

    private static final Pattern RESET =
            Pattern.compile("(http://localhost:\\d+/realms/ent/login-actions/action-token\\?\\S+)");

    @Test
    void theResetLinkGoesToThePersonalAddressAndTheNewPasswordFollowsThePolicy(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try {
            Students.insertPaid(database, "71300001", "fpzoe", "Zoé", "Oublieuse");
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "fpzoe", "Girafe-trombone-lanterne-8");

            browser.get(server.realmUrl() + "/account");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href*='reset-credentials']")))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys("fpzoe");
            browser.findElement(By.cssSelector("form [type=submit]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")));

            ReceivedMail reset =
                    mail.awaitSubject("fpzoe@example.org", "Réinitialiser le mot de passe", Duration.ofSeconds(60));
            assertThat(reset.to()).containsExactly("fpzoe@example.org");
            Matcher link = RESET.matcher(reset.text());
            assertThat(link.find()).as(reset.text()).isTrue();

            browser.manage().deleteAllCookies();
            browser.get(link.group(1));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")))
                    .sendKeys("Soleil2024!");
            browser.findElement(By.id("password-confirm")).sendKeys("Soleil2024!");
            browser.findElement(By.cssSelector("form [type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "ne convient pas"));

            org.openqa.selenium.WebElement form = browser.findElement(By.id("kc-passwd-update-form"));
            browser.findElement(By.id("password-new")).sendKeys("Lanterne-girafe-cobalt-42");
            browser.findElement(By.id("password-confirm")).sendKeys("Lanterne-girafe-cobalt-42");
            browser.findElement(By.cssSelector("form [type=submit]")).click();
            // the password is stored once the page that answers the form replaces it
            wait.until(ExpectedConditions.stalenessOf(form));
            assertThat(browser.findElements(By.id("password-new"))).isEmpty();

            assertThat(Students.signIn(server, "fpzoe", "Lanterne-girafe-cobalt-42"))
                    .isEqualTo(200);
            // the old password is refused (401 for a wrong password; 400 when Keycloak answers the grant as invalid)
            assertThat(Students.signIn(server, "fpzoe", "Girafe-trombone-lanterne-8"))
                    .isIn(400, 401);
            assertThat(Students.state(realm, "fpzoe")).isEqualTo("ACTIVE");
            // one email says the password changed, at the personal address
            String changed = "[ENT] Votre mot de passe a été changé";
            assertThat(mail.awaitSubject("fpzoe@example.org", changed, Duration.ofSeconds(60))
                            .text())
                    .contains("fpzoe");
            // the notice is sent when the request that changed the password commits, before its page answered:
            // everything that request sends has arrived
            assertThat(mail.messagesTo("fpzoe@example.org", changed)).hasSize(1);
        } finally {
            Students.forget(realm, database, "fpzoe");
        }
    }
}
