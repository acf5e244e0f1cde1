package fr.ent.keycloak.activation.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The network a request comes from, as the per-address limits count it. An IPv4 address is one client; an IPv6 client
 * is given a whole /64 by its provider (and picks a new address in it at will), so an IPv6 address counts as its /64.
 */
public final class ClientAddress {

    private ClientAddress() {}

    /**
     * @param address the client's address as the server saw it (a literal, never a host name)
     * @return the key the limits count: the IPv4 address, {@code 2001:db8:1:2::/64} for IPv6, or the text itself
     */
    public static String limitKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.trim();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (!literal.contains(":") || !literal.matches("[0-9A-Fa-f:.]+")) {
            return literal.toLowerCase(Locale.ROOT);
        }
        InetAddress parsed;
        try {
            // a literal with ':' only: parsed without any name lookup
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException e) {
            return literal.toLowerCase(Locale.ROOT);
        }
        if (!(parsed instanceof Inet6Address)) {
            // an IPv4-mapped IPv6 address comes back as IPv4
            return parsed.getHostAddress();
        }
        byte[] bytes = parsed.getAddress();
        StringBuilder network = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            int value = ((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff);
            network.append(Integer.toHexString(value)).append(':');
        }
        return network.append(":/64").toString();
    }
}
