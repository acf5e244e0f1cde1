package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.PublicAddress;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import org.keycloak.common.ClientConnection;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The request a periodic sync does not have. Keycloak's back-channel logout writes the realm's issuer into the logout
 * token it sends to each service, and takes that address from the current request; the sync of Keycloak's timer runs
 * outside any request. This request carries the realm's public address ({@code frontendUrl}, set by the demo realm
 * from {@code ENT_PUBLIC_URL}) — or, where the realm has none, a placeholder that the server's {@code hostname}
 * option replaces, as it does for every address Keycloak builds (production servers set it). It has no headers, no
 * form and no client certificate; its connection is the server itself.
 *
 * <p>Installed only when the session has no request of its own: a sync started from the console, a sign-in, an
 * action of the assistance console keep theirs.
 */
final class BackgroundRequest implements HttpRequest {

    private static final URI PLACEHOLDER = URI.create("http://localhost/");

    private final Address address;

    private BackgroundRequest(URI base) {
        this.address = new Address(base);
    }

    /** Gives the session a request and a connection for {@code realm} when it has none (a run of Keycloak's timer). */
    static void ensure(KeycloakSession session, RealmModel realm) {
        KeycloakContext context = session.getContext();
        if (hasRequest(context)) {
            return;
        }
        context.setHttpRequest(new BackgroundRequest(publicBase(realm.getAttribute(PublicAddress.REALM_ATTRIBUTE))));
        context.setConnection(Server.INSTANCE);
    }

    /**
     * Whether the session belongs to a request. Outside one, Keycloak's context still answers with a request object,
     * which fails when asked for its address: that failure is the only signal the SPI gives.
     */
    private static boolean hasRequest(KeycloakContext context) {
        try {
            return context.getHttpRequest() != null && context.getHttpRequest().getUri() != null;
        } catch (RuntimeException outsideARequest) {
            return false;
        }
    }

    /** The base address of requests from a realm's {@code frontendUrl}; the placeholder when it has none. */
    static URI publicBase(String frontend) {
        return PublicAddress.of(frontend).map(uri -> URI.create(uri + "/")).orElse(PLACEHOLDER);
    }

    @Override
    public String getHttpMethod() {
        return "GET";
    }

    @Override
    public MultivaluedMap<String, String> getDecodedFormParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
        return new MultivaluedHashMap<>();
    }

    @Override
    public HttpHeaders getHttpHeaders() {
        return null;
    }

    @Override
    public X509Certificate[] getClientCertificateChain() {
        return null;
    }

    @Override
    public UriInfo getUri() {
        return address;
    }

    @Override
    public boolean isProxyTrusted() {
        return false;
    }

    /** The server's public base address, as the address of a request for it. */
    private record Address(URI base) implements UriInfo {

        @Override
        public String getPath() {
            return "/";
        }

        @Override
        public String getPath(boolean decode) {
            return "/";
        }

        @Override
        public List<PathSegment> getPathSegments() {
            return List.of();
        }

        @Override
        public List<PathSegment> getPathSegments(boolean decode) {
            return List.of();
        }

        @Override
        public URI getRequestUri() {
            return base;
        }

        @Override
        public UriBuilder getRequestUriBuilder() {
            return UriBuilder.fromUri(base);
        }

        @Override
        public URI getAbsolutePath() {
            return base;
        }

        @Override
        public UriBuilder getAbsolutePathBuilder() {
            return UriBuilder.fromUri(base);
        }

        @Override
        public URI getBaseUri() {
            return base;
        }

        @Override
        public UriBuilder getBaseUriBuilder() {
            return UriBuilder.fromUri(base);
        }

        @Override
        public MultivaluedMap<String, String> getPathParameters() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, String> getPathParameters(boolean decode) {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, String> getQueryParameters() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
            return new MultivaluedHashMap<>();
        }

        @Override
        public List<String> getMatchedURIs() {
            return List.of();
        }

        @Override
        public List<String> getMatchedURIs(boolean decode) {
            return List.of();
        }

        @Override
        public List<Object> getMatchedResources() {
            return List.of();
        }

        @Override
        public URI resolve(URI uri) {
            return base.resolve(uri);
        }

        @Override
        public URI relativize(URI uri) {
            return base.relativize(uri);
        }
    }

    /** The server itself, as the client of a run of Keycloak's timer. */
    private enum Server implements ClientConnection {
        INSTANCE;

        @Override
        public String getRemoteAddr() {
            return "127.0.0.1";
        }

        @Override
        public String getRemoteHost() {
            return "localhost";
        }

        @Override
        public int getRemotePort() {
            return 0;
        }

        @Override
        public String getLocalAddr() {
            return "127.0.0.1";
        }

        @Override
        public int getLocalPort() {
            return 0;
        }
    }
}
