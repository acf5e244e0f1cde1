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
 * Values from the enrolment database are data, never markup or template code: a first name that is an HTML injection
 * and a last name that is a template expression show as typed in the activation email (HTML and text) and on the
 * activation page, and nothing runs.
 */
@EntServerTest
class EscapingIT {

    private static final String HOSTILE_FIRST = "\"><img src=x onerror=alert(1)> ${7*7}";
    private static final Pattern LINK =
            Pattern.compile("(http://localhost:\\d+/realms/ent/login-actions/action-token\\?\\S+)");

    @Test
    void namesFromTheEnrolmentDatabaseShowAsText(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try {
            Students.insertPaid(database, "71200001", "escxss", HOSTILE_FIRST, "${7*7}");
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            assertThat(Students.user(realm, "escxss").getFirstName()).isEqualTo(HOSTILE_FIRST);

            ReceivedMail invitation = mail.awaitMessagesTo("escxss@example.org", 1, Duration.ofSeconds(90))
                    .get(0);
            assertThat(invitation.html())
                    .doesNotContain("<img src=x")
                    .contains("&lt;img src=x onerror=alert(1)&gt; ${7*7}");
            assertThat(invitation.text()).contains(HOSTILE_FIRST);

            Matcher link = LINK.matcher(invitation.text());
            assertThat(link.find()).isTrue();
            browser.get(link.group(1));
            String greeting = new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-activation-greeting")))
                    .getText();
            assertThat(greeting).contains(HOSTILE_FIRST);
            assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
            assertThat(ExpectedConditions.alertIsPresent().apply(browser)).isNull();
        } finally {
            Students.forget(realm, database, "escxss");
        }
    }
}
