package fr.ent.keycloak.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
        String reason = SkipBanners.reasonSkipped(NeedsApache.class, "ent.it.httpd", "/nonexistent/apache2");
        assertThat(reason).contains("SKIPPED: the real relying parties", "/nonexistent/apache2", "apt-get install");
    }
}
