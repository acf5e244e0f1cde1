package fr.ent.keycloak.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium, driven by Selenium through the system's chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver} packages: {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; other paths with
 * {@code ent.it.chromium} and {@code ent.it.chromedriver}). Nothing is downloaded. Where they are absent, the tests
 * that need a browser are skipped with a loud message; {@code .ci/run} installs them, so CI never skips.
 */
public final class Browser {

    private Browser() {}

    /** A new browser in French (the students' default language), 1280×900; quit it after the test. */
    public static WebDriver open() {
        return open("fr", 1280, 900);
    }

    /**
     * The banner that says why browser tests cannot run here (Chromium or its driver missing), or empty when they can.
     */
    public static java.util.Optional<String> missing() {
        Path chromium = chromium();
        Path chromedriver = chromedriver();
        if (Files.isExecutable(chromium) && Files.isExecutable(chromedriver)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("\n"
                + "################################################################################\n"
                + "# SKIPPED: headless Chromium is not installed ("
                + (Files.isExecutable(chromium) ? "" : chromium + " ")
                + (Files.isExecutable(chromedriver) ? "" : chromedriver + " ") + "missing).\n"
                + "# Browser tests did NOT run. Install it: apt-get install -y chromium chromium-driver\n"
                + "################################################################################");
    }

    private static Path chromium() {
        return Path.of(ItSettings.property("ent.it.chromium", "/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Path.of(ItSettings.property("ent.it.chromedriver", "/usr/bin/chromedriver"));
    }

    public static WebDriver open(String language, int width, int height) {
        java.util.Optional<String> missing = missing();
        if (missing.isPresent()) {
            System.err.println(missing.get());
            Assumptions.abort(missing.get());
        }
        Path chromium = chromium();
        Path chromedriver = chromedriver();
        Path profile;
        try {
            profile = Files.createTempDirectory("ent-it-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-quic",
                        "--no-first-run",
                        "--lang=" + language,
                        "--window-size=" + width + "," + height,
                        "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
