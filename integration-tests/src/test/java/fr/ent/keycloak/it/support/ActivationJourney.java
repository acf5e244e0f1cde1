package fr.ent.keycloak.it.support;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The activation journey's pages, as a student walks them in Chromium: the link's first page, the charter, the
 * password, forwarding, the summary. One place for the ids of the pages, used by every test that walks the journey.
 */
public final class ActivationJourney {

    private static final Pattern LINK =
            Pattern.compile("(http://localhost:\\d+/realms/ent/login-actions/action-token\\?\\S+)");

    private final WebDriver browser;
    private final WebDriverWait wait;

    public ActivationJourney(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    /** The activation link of a mail. */
    public static String link(ReceivedMail mail) {
        Matcher matcher = LINK.matcher(mail.text());
        if (!matcher.find()) {
            throw new AssertionError("no activation link in " + mail.text());
        }
        return matcher.group(1);
    }

    /** Opens the link; the identifier the first page shows. */
    public String open(String link) {
        browser.get(link);
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-username")))
                .getText();
    }

    /** Start, accept the charter, choose {@code password}, no forwarding: the summary page is shown. */
    public ActivationJourney upToSummary(String password) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-start"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-accept"))).click();
        browser.findElement(By.id("ent-charter-continue")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")))
                .sendKeys(password);
        browser.findElement(By.id("password-confirm")).sendKeys(password);
        browser.findElement(By.cssSelector("form [type=submit]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-forwarding-none")))
                .click();
        browser.findElement(By.id("ent-forwarding-continue")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-activate")));
        return this;
    }

    /** Presses "activate" on the summary page; the text of the page that answers. */
    public String activate() {
        WebElement button = browser.findElement(By.id("ent-activate"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
        return bodyText();
    }

    /** The text of the page shown now. */
    public String bodyText() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")))
                .getText();
    }
}
