package fr.ent.keycloak.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;

/** Tokens as an application of the realm gets them: a public client of the test with the password grant. */
public final class Tokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private Tokens() {}

    /**
     * Registers a public client {@code clientId} that may use the password grant: with no scope named, the realm's
     * default scopes; else only {@code optionalScopes}, to ask for. Returns its id (remove it after the test).
     */
    public static String directGrantClient(RealmResource realm, String clientId, List<String> optionalScopes) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setFullScopeAllowed(true);
        if (!optionalScopes.isEmpty()) {
            // (a client created with a list of scopes gets those only, not the realm's defaults)
            client.setOptionalClientScopes(optionalScopes);
        }
        try (Response created = realm.clients().create(client)) {
            assertThat(created.getStatus()).isEqualTo(201);
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    /** The access token of a password grant through {@code clientId}, asking {@code scope} (may be null). */
    public static String accessToken(
            KeycloakServer server, String clientId, String username, String password, String scope) throws Exception {
        String body = "grant_type=password&client_id=" + clientId + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
        HttpResponse<String> grant = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        Matcher token = ACCESS_TOKEN.matcher(grant.body());
        assertThat(token.find()).as(grant.body()).isTrue();
        return token.group(1);
    }

    /** The claims of a token, as the JSON its payload holds. */
    public static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
