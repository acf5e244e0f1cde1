package fr.ent.keycloak.activation.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpLogRedactionTest {

    private final Logger logger = Logger.getLogger(SmtpLogRedaction.LOGGER);

    @AfterEach
    void reset() {
        logger.setFilter(null);
        logger.setLevel(null);
    }

    @Test
    void keycloaksSmtpErrorLineIsKeptOnlyWhereDebugIsOn() {
        logger.setLevel(Level.INFO);
        SmtpLogRedaction.install();
        SmtpLogRedaction.install(); // once only
        LogRecord failed = new LogRecord(Level.SEVERE, "KC-SERVICES0029: Failed to send email");
        assertThat(logger.getFilter().isLoggable(failed)).isFalse();
        LogRecord other = new LogRecord(Level.SEVERE, "KC-SERVICES0088: Failed to send execute actions email");
        assertThat(logger.getFilter().isLoggable(other)).isTrue();
        assertThat(other.getLevel()).isEqualTo(Level.SEVERE);

        logger.setLevel(Level.FINE);
        LogRecord debugging = new LogRecord(Level.SEVERE, "KC-SERVICES0029: Failed to send email");
        assertThat(logger.getFilter().isLoggable(debugging)).isTrue();
        assertThat(debugging.getLevel()).isEqualTo(Level.FINE);
    }
}
