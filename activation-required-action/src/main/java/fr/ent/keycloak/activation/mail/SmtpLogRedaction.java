package fr.ent.keycloak.activation.mail;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * RGPD: keeps students' personal addresses out of the server log when an email fails. Keycloak's own email sender
 * logs the whole SMTP exception at ERROR ({@code KC-SERVICES0029: Failed to send email}) before it throws, and an
 * SMTP server that refuses a recipient quotes the recipient's address in it. This filter, set on Keycloak's
 * {@code org.keycloak.services} logger when the server starts, moves that one message down to DEBUG (off in
 * production); every other message of that logger passes untouched, and the pack logs each failed email of its own at
 * WARN with the student number and the kind of failure ({@link CountedMail}).
 *
 * <p>Keycloak internal relied on: the message id {@value #MESSAGE} of {@code ServicesLogger.failedToSendEmail}, checked
 * against 26.7.3. If an upgrade renames it, {@code LogPrivacyIT} fails first.
 */
final class SmtpLogRedaction implements Filter {

    static final String LOGGER = "org.keycloak.services";
    static final String MESSAGE = "KC-SERVICES0029";

    private final Logger logger;
    private final Filter previous;

    private SmtpLogRedaction(Logger logger, Filter previous) {
        this.logger = logger;
        this.previous = previous;
    }

    /** Sets the filter once on Keycloak's logger, keeping any filter already there. */
    static synchronized void install() {
        Logger logger = Logger.getLogger(LOGGER);
        Filter current = logger.getFilter();
        if (!(current instanceof SmtpLogRedaction)) {
            logger.setFilter(new SmtpLogRedaction(logger, current));
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record.getMessage();
        if (message != null && message.startsWith(MESSAGE) && record.getLevel().intValue() > Level.FINE.intValue()) {
            // handlers take every level the logger lets through: the record is kept only where DEBUG is on
            if (!logger.isLoggable(Level.FINE)) {
                return false;
            }
            record.setLevel(Level.FINE);
        }
        return previous == null || previous.isLoggable(record);
    }
}
