package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.LifecycleConsole;
import fr.ent.keycloak.it.support.Operators;
import java.time.Duration;
import java.util.Map;
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
 * Keycloak's own admin console as a university's IT team uses it, in Chromium with a French browser: an administrator
 * of the ENT realm (realm-management's realm-admin, no master account) opens Authentication → Required actions, finds
 * the pack's and Keycloak's actions under French names, opens the lifecycle's settings (the gear of "ENT : début de
 * l’activation et réglages") and reads every label in French — the labels come from the pack's jars, which Keycloak
 * gives its console too. ConsoleSettingsIT checks the same settings through the REST API.
 */
@EntServerTest
class AdminConsoleIT {

    private static final String SETTINGS_HOLDER = "ENT : début de l’activation et réglages";

    @Test
    void anAdministratorReadsTheLifecycleSettingsInFrench(Keycloak admin, KeycloakServer server, WebDriver browser) {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Map<String, String> before = LifecycleConsole.read(realm);
        String administrator = Operators.createAdministrator(realm, "it-admin1");
        try {
            Operators.signIn(
                    browser,
                    server.baseUrl() + "/admin/" + KeycloakServer.REALM + "/console/#/" + KeycloakServer.REALM
                            + "/authentication/required-actions",
                    "it-admin1",
                    Operators.PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//td[contains(., '" + SETTINGS_HOLDER + "')]")));
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(page)
                    .contains("Actions requises", "ENT : charte informatique / accept the IT charter")
                    .contains("Changer le mot de passe / Update Password")
                    .doesNotContain("Required actions");

            WebElement gear = browser.findElement(
                    By.xpath("//tr[td[contains(., '" + SETTINGS_HOLDER + "')]]//button[@aria-label='Paramètres']"));
            gear.click();
            WebElement dialog =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role='dialog']")));
            wait.until(ExpectedConditions.textToBePresentInElement(dialog, "Délai après le paiement (minutes)"));
            assertThat(dialog.getText())
                    .contains(
                            "Délai après le paiement (minutes)",
                            "Dernier jour d’accès (MM-JJ)",
                            "Conservation d’un compte fermé (mois)")
                    // a label Keycloak could not find shows as its key
                    .doesNotContain(".label");

            // a wrong value: refused, saying why in French, and nothing saved
            WebElement endsOn = field(dialog, "Dernier jour d’accès");
            String endsOnBefore = endsOn.getAttribute("value");
            endsOn.clear();
            endsOn.sendKeys("31-12");
            dialog.findElement(By.xpath(".//button[normalize-space(.)='Sauvegarder']"))
                    .click();
            assertThat(alert(wait).getText())
                    .isEqualTo("Impossible de sauvegarder la configuration : Ce réglage attend un jour de l’année "
                            + "écrit MM-JJ, par exemple 12-31.");
            assertThat(LifecycleConsole.read(realm)).isEqualTo(before);

            // put right, with another retention: saved, and the server holds it
            endsOn.clear();
            endsOn.sendKeys(endsOnBefore);
            WebElement retention = field(dialog, "Conservation d’un compte fermé");
            retention.sendKeys(Keys.chord(Keys.CONTROL, "a"), "13");
            dialog.findElement(By.xpath(".//button[normalize-space(.)='Sauvegarder']"))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                    "//*[contains(@class, 'c-alert')][contains(., 'Configuration sauvegardée avec succès')]")));
            assertThat(LifecycleConsole.read(realm))
                    .containsEntry("entRetentionMonths", "13")
                    .containsEntry("entAccessEndsOn", before.getOrDefault("entAccessEndsOn", endsOnBefore));
        } finally {
            LifecycleConsole.restore(realm, before);
            realm.users().get(administrator).remove();
        }
    }

    /** The input of the dialog's setting whose label starts with {@code label}. */
    private static WebElement field(WebElement dialog, String label) {
        String id = dialog.findElement(By.xpath(".//label[starts-with(normalize-space(.), '" + label + "')]"))
                .getAttribute("for");
        return dialog.findElement(By.id(id));
    }

    /** The console's alert, once shown. */
    private static WebElement alert(WebDriverWait wait) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[class*='c-alert']")));
    }
}
