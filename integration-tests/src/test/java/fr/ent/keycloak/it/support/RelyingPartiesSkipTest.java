package fr.ent.keycloak.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * On a machine without Apache httpd (or its modules), a test of the real relying parties is reported as skipped with
 * the banner, never as an error, and nothing is started for it (no Keycloak, no database, no httpd).
 */
class RelyingPartiesSkipTest {

    /** Run by this test only, through the JUnit engine (not a top-level class: surefire and failsafe skip it). */
    @EntServerTest
    @NeedsRelyingParties
    static class NeedsApache {
        @Test
        void signsInToAService(KeycloakServer server) {
            RelyingParties.start(server, "secret", "openid").close();
        }
    }

    @Test
    void aRelyingPartyTestWithoutHttpdIsSkippedNotFailed() {
        String before = System.getProperty("ent.it.httpd");
        System.setProperty("ent.it.httpd", "/nonexistent/apache2");
        try {
            Events tests = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(NeedsApache.class))
                    .execute()
                    .testEvents();
            tests.assertStatistics(stats -> stats.skipped(1).failed(0).started(0));
            String reason = tests.skipped().stream()
                    .findFirst()
                    .flatMap(event -> event.getPayload(String.class))
                    .orElse("");
            assertThat(reason).contains("SKIPPED: the real relying parties", "/nonexistent/apache2", "apt-get install");
        } finally {
            if (before == null) {
                System.clearProperty("ent.it.httpd");
            } else {
                System.setProperty("ent.it.httpd", before);
            }
        }
    }
}
