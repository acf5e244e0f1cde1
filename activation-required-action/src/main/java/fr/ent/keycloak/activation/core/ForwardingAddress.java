package fr.ent.keycloak.activation.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The external mailbox a student may forward university mail to. Refused: an address that is not one (a pragmatic
 * subset of RFC 5321: ASCII local part, a domain with a dot), longer than 254 characters, with a line break or any
 * control character (header injection), or in one of the university's own domains (forwarding to itself loops).
 */
public final class ForwardingAddress {

    /** Why an address is refused; each is a message key of the login theme. */
    public enum Refusal {
        INVALID("entForwardingInvalid"),
        TOO_LONG("entForwardingTooLong"),
        UNIVERSITY_DOMAIN("entForwardingUniversity");

        private final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public static final int MAX_LENGTH = 254;

    private static final Pattern ADDRESS =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private final List<String> universityDomains;

    /** @param universityDomains the university's mail domains; their subdomains are refused too */
    public ForwardingAddress(List<String> universityDomains) {
        this.universityDomains = universityDomains.stream()
                .map(domain -> domain.trim().toLowerCase(Locale.ROOT))
                .filter(domain -> !domain.isEmpty())
                .toList();
    }

    /**
     * @param address what the student typed, surrounding spaces allowed
     * @return why it is refused, or empty when it can be used
     */
    public Optional<Refusal> refusal(String address) {
        if (address == null) {
            return Optional.of(Refusal.INVALID);
        }
        String trimmed = address.strip();
        if (trimmed.length() > MAX_LENGTH) {
            return Optional.of(Refusal.TOO_LONG);
        }
        // a line break anywhere, even at the end, is refused: never trimmed into an address
        if (address.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                || !ADDRESS.matcher(trimmed).matches()) {
            return Optional.of(Refusal.INVALID);
        }
        String domain = trimmed.substring(trimmed.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        for (String own : universityDomains) {
            if (domain.equals(own) || domain.endsWith("." + own)) {
                return Optional.of(Refusal.UNIVERSITY_DOMAIN);
            }
        }
        return Optional.empty();
    }

    /** The address as stored: trimmed, domain in lower case. Call only for an address that {@link #refusal} accepts. */
    public static String normalise(String address) {
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        return trimmed.substring(0, at + 1) + trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
