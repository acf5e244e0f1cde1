package fr.ent.keycloak.assistance.core;

/**
 * A personal address as the helpdesk may see it: enough to confirm it with the student ("j•••@exa•••.fr"), not
 * enough to write to it or to learn it.
 */
public final class AddressMask {

    private static final String HIDDEN = "•••";

    private AddressMask() {}

    /** The first character of the local part, the first three of the domain, and its last label. */
    public static String mask(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        String value = address.trim();
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            return value.substring(0, Math.min(1, value.length())) + HIDDEN;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String host = dot > 0 ? domain.substring(0, dot) : domain;
        String suffix = dot > 0 ? domain.substring(dot) : "";
        return local.substring(0, 1) + HIDDEN + "@" + host.substring(0, Math.min(3, host.length())) + HIDDEN + suffix;
    }
}
