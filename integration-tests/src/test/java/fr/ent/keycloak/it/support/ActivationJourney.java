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

    /** The identifier the journey's first page shows, once the browser got there (from a link or a code). */
    public String firstPage() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-username")))
                .getText();
    }

    /** Start, accept the charter, choose {@code password}, no forwarding: the summary page is shown. */
    public ActivationJourney upToSummary(String password) {
        start();
        acceptCharter();
        choosePassword(password);
        noForwarding();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-activate")));
        return this;
    }

    /** The first page's button; the charter page is shown. */
    public ActivationJourney start() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-start"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-accept")));
        return this;
    }

    /** Ticks the charter and goes on; the password page is shown. */
    public ActivationJourney acceptCharter() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-accept"))).click();
        browser.findElement(By.id("ent-charter-continue")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
        return this;
    }

    /** Types {@code password} twice and sends the form (the next page, or the same page with a refusal). */
    public ActivationJourney choosePassword(String password) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
        field.clear();
        field.sendKeys(password);
        WebElement confirmation = browser.findElement(By.id("password-confirm"));
        confirmation.clear();
        confirmation.sendKeys(password);
        browser.findElement(By.cssSelector("form [type=submit]")).click();
        return this;
    }

    /** Chooses no forwarding and goes on to the summary. */
    public ActivationJourney noForwarding() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-forwarding-none")))
                .click();
        browser.findElement(By.id("ent-forwarding-continue")).click();
        return this;
    }

    /** Chooses to forward to {@code address} and sends the form (the summary, or the same page with a refusal). */
    public ActivationJourney forwardTo(String address) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-forwarding-forward")))
                .click();
        WebElement field = browser.findElement(By.id("forwardingAddress"));
        field.clear();
        field.sendKeys(address);
        browser.findElement(By.id("ent-forwarding-continue")).click();
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
