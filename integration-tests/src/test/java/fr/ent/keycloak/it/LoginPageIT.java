package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A student opening the ENT in a real browser meets the realm's login page in the ent theme, in French first. */
@EntServerTest
class LoginPageIT {

    @Test
    void studentSeesTheEntLoginPageInFrench(KeycloakServer server, WebDriver browser) {
        browser.get(server.realmUrl() + "/account");

        WebElement title = waitForLoginPage(browser);
        assertThat(title.getText()).isEqualTo("Connexion à votre compte informatique");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElements(By.cssSelector("link[rel=stylesheet][href*='/login/ent/css/ent.css']")))
                .hasSize(1);
        assertThat(browser.findElement(By.id("username")).isDisplayed()).isTrue();
    }

    @Test
    void studentCanSwitchToEnglish(KeycloakServer server, WebDriver browser) {
        browser.get(server.realmUrl() + "/account");
        waitForLoginPage(browser);

        Select languages = new Select(browser.findElement(By.id("login-select-toggle")));
        languages.getOptions().stream()
                .filter(option -> option.getAttribute("value").contains("kc_locale=en"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no English entry in the language menu"))
                .click();

        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(waitForLoginPage(browser).getText()).isEqualTo("Sign in to your university account");
    }

    /** A page taller than the window keeps its background down to the end (no white band under the fold). */
    @Test
    void theBackgroundCoversAPageTallerThanTheWindow(KeycloakServer server, WebDriver browser) {
        browser.get(server.realmUrl() + "/ent-help/login-problems");
        waitForLoginPage(browser);
        JavascriptExecutor script = (JavascriptExecutor) browser;
        long page = ((Number) script.executeScript("return document.documentElement.scrollHeight;")).longValue();
        long window = ((Number) script.executeScript("return window.innerHeight;")).longValue();
        long body = ((Number) script.executeScript("return Math.ceil(document.body.getBoundingClientRect().height);"))
                .longValue();
        assertThat(page).as("the help page is taller than a 900 px window").isGreaterThan(window);
        assertThat(body)
                .as("the body, which carries the background, spans the whole page")
                .isGreaterThanOrEqualTo(page);
    }

    private static WebElement waitForLoginPage(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")));
    }
}
