package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.ActivationJourney;
import fr.ent.keycloak.it.support.Browser;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.PageChecks;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.Students;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page a student sees, in French and in English, in real Chromium: 0 axe-core violations (WCAG 2.1 AA), no
 * horizontal scrolling at 320 px, a language attribute; the French pages leave screenshots (desktop and phone) in
 * {@code target/screenshots}, kept in {@code docs/screenshots}. Then the journeys with the keyboard alone.
 */
@EntServerTest
class AccessibilityIT {

    private static final Pattern LINK =
            Pattern.compile("(http://localhost:\\d+/realms/ent/login-actions/action-token\\?\\S+)");
    private static final String PASSWORD = "Girafe-trombone-lanterne-8";

    @Test
    void everyPageInFrench(Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server)
            throws Exception {
        everyPage("fr", "71100001", "a11yfr", admin, database, mail, server);
    }

    @Test
    void everyPageInEnglish(Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server)
            throws Exception {
        everyPage("en", "71100002", "a11yen", admin, database, mail, server);
    }

    private static void everyPage(
            String language,
            String number,
            String login,
            Keycloak admin,
            EnrolmentDatabase database,
            MailServer mail,
            KeycloakServer server)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        WebDriver browser = Browser.open(language, 1280, 900);
        PageChecks pages = new PageChecks(browser, language.equals("fr"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            browser.get(server.realmUrl() + "/account");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo(language);
            pages.check("login");
            browser.findElement(By.id("username")).sendKeys("nobody");
            browser.findElement(By.id("password")).sendKeys("wrong");
            browser.findElement(By.id("kc-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id^='input-error']")));
            pages.check("login-error");
            browser.findElement(By.cssSelector("#kc-form-login a[href*='reset-credentials']"))
                    .click();
            wait.until(ExpectedConditions.urlContains("reset-credentials"));
            pages.check("forgotten-password");

            browser.get(server.realmUrl() + "/ent-first-connection");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("identifier")));
            pages.check("first-connection");
            browser.findElement(By.id("ent-first-connection-send")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("input-error-identifier")));
            pages.check("first-connection-error");
            browser.findElement(By.id("identifier")).sendKeys("99999999");
            browser.findElement(By.id("birthDate")).sendKeys("14/03/2006");
            browser.findElement(By.id("ent-first-connection-send")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-first-connection-sent")));
            pages.check("first-connection-sent");

            browser.get(server.realmUrl() + "/ent-help");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-help")));
            pages.check("help");
            browser.get(server.realmUrl() + "/ent-help/login-problems");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-login-problems")));
            pages.check("login-problems");

            // the activation journey
            try (Connection connection = database.connect()) {
                Students.insert(
                        connection,
                        "ent_enrolment",
                        number,
                        login,
                        "Alex",
                        "Accessible",
                        OffsetDateTime.now(ZoneOffset.UTC).minusDays(1),
                        Students.CURRENT_ACADEMIC_YEAR);
            }
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            String link = link(mail.awaitMessagesTo(login + "@example.org", 1, Duration.ofSeconds(90))
                    .get(0));
            browser.manage().deleteAllCookies();
            ActivationJourney journey = new ActivationJourney(browser);
            journey.open(link);
            pages.check("activation-start");
            journey.start();
            pages.check("activation-charter");
            journey.acceptCharter();
            pages.check("activation-password");
            journey.choosePassword("court1");
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[id^='input-error'], .pf-v5-c-alert")));
            pages.check("activation-password-refused");
            journey.choosePassword(PASSWORD);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-forwarding-forward")));
            pages.check("activation-forwarding");
            journey.forwardTo("alex@etu.umontpellier.fr");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("input-error-forwarding")));
            pages.check("activation-forwarding-refused");
            journey.forwardTo("alex@example.net");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-activate")));
            pages.check("activation-summary");
            browser.findElement(By.id("ent-activate")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a[href*='/realms/ent/account']")));
            pages.check("activation-done");
            browser.manage().deleteAllCookies();
            browser.get(link);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")));
            pages.check("activation-link-used");

            assertThat(pages.checkedPages()).hasSize(17);
            assertThat(pages.problems()).isEmpty();
        } finally {
            browser.quit();
            Students.forget(realm, database, login);
        }
    }

    @Test
    void firstConnectionWithTheKeyboardAlone(KeycloakServer server, WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(server.realmUrl() + "/account");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        // Tab through the sign-in page until the first-connection entry has the focus, then Enter
        WebElement focused = null;
        for (int presses = 0; presses < 20; presses++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            focused = browser.switchTo().activeElement();
            if ("ent-first-connection".equals(focused.getAttribute("id"))) {
                break;
            }
        }
        assertThat(focused.getAttribute("id")).isEqualTo("ent-first-connection");
        focused.sendKeys(Keys.ENTER);

        // the identifier field has the focus; type, Tab to the date, type, Enter sends
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("identifier")));
        WebElement active = browser.switchTo().activeElement();
        assertThat(active.getAttribute("id")).isEqualTo("identifier");
        active.sendKeys("99999999");
        active.sendKeys(Keys.TAB);
        active = browser.switchTo().activeElement();
        assertThat(active.getAttribute("id")).isEqualTo("birthDate");
        active.sendKeys("14/03/2006", Keys.ENTER);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-first-connection-sent")))
                        .isDisplayed())
                .isTrue();
    }

    @Test
    void signInWithTheKeyboardAlone(KeycloakServer server, WebDriver browser) throws Exception {
        RealmResource realm = server.admin().realm(KeycloakServer.REALM);
        browser.get(server.realmUrl() + "/account");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.switchTo().activeElement()).isEqualTo(username);
        username.sendKeys("admin-like-nobody", Keys.TAB);
        WebElement password = browser.switchTo().activeElement();
        assertThat(password.getAttribute("id")).isEqualTo("password");
        password.sendKeys("wrong-password", Keys.ENTER);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id^='input-error']")))
                        .getText())
                .isNotBlank();
        assertThat(realm.toRepresentation().getRealm()).isEqualTo(KeycloakServer.REALM);
    }

    private static String link(ReceivedMail mail) {
        Matcher matcher = LINK.matcher(mail.text());
        assertThat(matcher.find()).as("activation link in %s", mail.text()).isTrue();
        return matcher.group(1);
    }
}
