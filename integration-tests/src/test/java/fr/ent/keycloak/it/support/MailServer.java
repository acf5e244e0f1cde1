package fr.ent.keycloak.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a free port of the loopback interface; the realm's SMTP settings point at it. It
 * accepts mail for any address and keeps it in memory for the tests to read.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static MailServer start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return new MailServer(greenMail);
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message received so far for {@code address}, oldest first. */
    public List<ReceivedMail> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> isAddressedTo(message, address))
                .map(ReceivedMail::of)
                .toList();
    }

    /**
     * Waits until at least {@code count} messages arrived for {@code address}.
     *
     * @throws AssertionError when they did not arrive in time, listing who did receive mail
     */
    public List<ReceivedMail> awaitMessagesTo(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<ReceivedMail> received = messagesTo(address);
            if (received.size() >= count) {
                return received;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected " + count + " message(s) for " + address + " within "
                        + timeout.toSeconds() + " s, got " + received.size() + "; all recipients: "
                        + Arrays.stream(greenMail.getReceivedMessages())
                                .map(MailServer::recipients)
                                .toList());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for mail", e);
            }
        }
    }

    /** The messages received for {@code address} with exactly this subject, oldest first. */
    public List<ReceivedMail> messagesTo(String address, String subject) {
        return messagesTo(address).stream()
                .filter(message -> subject.equals(message.subject()))
                .toList();
    }

    /** Waits for a first message to {@code address} with exactly this subject. */
    public ReceivedMail awaitSubject(String address, String subject, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<ReceivedMail> found = messagesTo(address, subject);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for mail", e);
            }
        }
        throw new AssertionError("No message \"" + subject + "\" for " + address + " within " + timeout.toSeconds()
                + " s; received: "
                + messagesTo(address).stream().map(ReceivedMail::subject).toList());
    }

    /** Forgets every message received so far. */
    public void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Could not purge GreenMail", e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static boolean isAddressedTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null
                    && Arrays.stream(to)
                            .anyMatch(a -> ReceivedMail.bareAddress(a).equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (MessagingException e) {
            return "?";
        }
    }
}
