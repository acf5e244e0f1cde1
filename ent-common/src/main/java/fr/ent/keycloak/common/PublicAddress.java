package fr.ent.keycloak.common;

import java.net.URI;
import java.util.Optional;

/**
 * The server's public address for a realm when no request is at hand (a scheduled task, a run of Keycloak's timer):
 * the realm's {@code frontendUrl} attribute (Realm settings → General → Frontend URL; the demo sets it from
 * {@code ENT_PUBLIC_URL}). Links mailed by a task and the issuer of a logout token sent by a periodic sync are built
 * on it.
 */
public final class PublicAddress {

    /** The realm attribute holding the Frontend URL. */
    public static final String REALM_ATTRIBUTE = "frontendUrl";

    private PublicAddress() {}

    /** The address without a trailing slash; empty when there is none, or it is not an absolute URI. */
    public static Optional<URI> of(String frontendUrl) {
        if (frontendUrl == null || frontendUrl.isBlank()) {
            return Optional.empty();
        }
        String trimmed = frontendUrl.trim();
        try {
            URI uri = URI.create(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
