package fr.ent.keycloak.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/**
 * On a machine without Chromium's driver, a test that takes a browser is reported as skipped with the banner, never as
 * an error, and nothing is started for it (no Keycloak, no database).
 */
class BrowserSkipTest {

    /** Run by this test only, through the JUnit engine (not a top-level class: surefire and failsafe skip it). */
    @EntServerTest
    static class NeedsABrowser {
        @Test
        void walksAPage(WebDriver browser) {
            browser.get("about:blank");
        }
    }

    @Test
    void aBrowserTestWithoutChromedriverIsSkippedNotFailed() {
        String reason =
                SkipBanners.reasonSkipped(NeedsABrowser.class, "ent.it.chromedriver", "/nonexistent/chromedriver");
        assertThat(reason).contains("SKIPPED: headless Chromium is not installed", "/nonexistent/chromedriver");
    }
}
