package fr.ent.keycloak.it.support;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What every page a student sees must pass: no axe-core violation of WCAG 2.1 A and AA, no horizontal scrolling on a
 * 320 px wide phone (WCAG 1.4.10, reflow), a language attribute. Problems are collected, so one run lists them all;
 * screenshots (desktop and phone) go to {@code target/screenshots} when asked for.
 */
public final class PageChecks {

    /** The WCAG 2.1 A and AA rules of axe-core. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver browser;
    private final boolean screenshots;
    private final List<String> problems = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    public PageChecks(WebDriver browser, boolean screenshots) {
        this.browser = browser;
        this.screenshots = screenshots;
    }

    /** Checks the page the browser shows now, named {@code name} in reports and screenshot files. */
    public void check(String name) {
        checked.add(name);
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        if (results.isErrored()
                || results.getPasses() == null
                || results.getPasses().isEmpty()) {
            problems.add(name + ": axe-core did not run (" + results.getErrorMessage() + ")");
        }
        for (Rule violation : results.getViolations()) {
            problems.add(name + ": axe " + violation.getId() + " (" + violation.getImpact() + ") "
                    + violation.getHelp() + " at "
                    + violation.getNodes().stream()
                            .map(CheckedNode::getTarget)
                            .map(String::valueOf)
                            .collect(Collectors.joining(", ")));
        }
        String lang = (String) script("return document.documentElement.lang");
        if (lang == null || lang.isBlank()) {
            problems.add(name + ": no lang attribute on <html>");
        }
        screenshot(name + "-desktop");
        phone();
        try {
            Number overflow = (Number)
                    script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow.intValue() > 0) {
                problems.add(name + ": scrolls horizontally by " + overflow + " px at 320 px wide");
            }
            screenshot(name + "-phone");
        } finally {
            desktop();
        }
    }

    /** Every problem found so far, one line each. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<String> checkedPages() {
        return List.copyOf(checked);
    }

    private void phone() {
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 320, "height", 640, "deviceScaleFactor", 2, "mobile", true));
    }

    private void desktop() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void screenshot(String name) {
        if (!screenshots) {
            return;
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot =
                    ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
