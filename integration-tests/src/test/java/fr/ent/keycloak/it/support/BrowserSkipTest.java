package fr.ent.keycloak.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
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
        String before = System.getProperty("ent.it.chromedriver");
        System.setProperty("ent.it.chromedriver", "/nonexistent/chromedriver");
        try {
            Events tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(NeedsABrowser.class))
                    .execute()
                    .testEvents();
            tests.assertStatistics(stats -> stats.skipped(1).failed(0).started(0));
            String reason = tests.skipped().stream()
                    .findFirst()
                    .flatMap(event -> event.getPayload(String.class))
                    .orElse("");
            assertThat(reason).contains("SKIPPED: headless Chromium is not installed", "/nonexistent/chromedriver");
        } finally {
            if (before == null) {
                System.clearProperty("ent.it.chromedriver");
            } else {
                System.setProperty("ent.it.chromedriver", before);
            }
        }
    }
}
