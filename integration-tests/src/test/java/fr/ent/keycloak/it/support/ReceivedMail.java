package fr.ent.keycloak.it.support;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A message as a student would read it: who it is for, its subject, and its text and HTML parts (empty when absent).
 */
public record ReceivedMail(List<String> to, String from, String subject, String text, String html) {

    static ReceivedMail of(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            Address[] from = message.getFrom();
            return new ReceivedMail(
                    to == null
                            ? List.of()
                            : Arrays.stream(to).map(ReceivedMail::bareAddress).toList(),
                    from == null || from.length == 0 ? "" : bareAddress(from[0]),
                    message.getSubject(),
                    text.toString(),
                    html.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable message", e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html)
            throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, html);
            }
        }
    }

    static String bareAddress(Address address) {
        return address instanceof InternetAddress internet ? internet.getAddress() : address.toString();
    }
}
