package fr.ent.keycloak.it.support;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs a test class through the JUnit engine with a tool's path pointing nowhere, for the skip-banner tests. */
final class SkipBanners {

    private SkipBanners() {}

    /**
     * Runs {@code tests} with the system property {@code property} set to {@code missingPath} (restored after), checks
     * that its one test is reported skipped and never started, and returns the reason JUnit reports.
     */
    static String reasonSkipped(Class<?> tests, String property, String missingPath) {
        String before = System.getProperty(property);
        System.setProperty(property, missingPath);
        try {
            Events events = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(tests))
                    .execute()
                    .testEvents();
            events.assertStatistics(stats -> stats.skipped(1).failed(0).started(0));
            return events.skipped().stream()
                    .findFirst()
                    .flatMap(event -> event.getPayload(String.class))
                    .orElse("");
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }
}
