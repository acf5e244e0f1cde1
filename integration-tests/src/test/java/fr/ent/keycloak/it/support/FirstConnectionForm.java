package fr.ent.keycloak.it.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "1ère connexion" as a browser without JavaScript uses it: one cookie jar, the form fetched (GET), then sent (POST)
 * with the token it carries.
 */
public final class FirstConnectionForm {

    private static final Pattern TOKEN = Pattern.compile("name=\"entFormToken\" value=\"([^\"]+)\"");

    private final String url;
    private final HttpClient http;

    /** @param realmUrl the realm's address, for instance {@code http://localhost:8080/realms/ent} */
    public FirstConnectionForm(String realmUrl) {
        this.url = realmUrl + "/ent-first-connection";
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
    }

    public HttpResponse<String> open() throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Accept-Language", "fr")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fetches the form and sends it: the answer to the POST. */
    public HttpResponse<String> submit(String identifier, String birthDate) throws IOException, InterruptedException {
        return post(token(open().body()), identifier, birthDate);
    }

    /** Sends the form with the token given, as a page of another site would try to. */
    public HttpResponse<String> post(String token, String identifier, String birthDate)
            throws IOException, InterruptedException {
        return post(token, identifier, birthDate, null);
    }

    /**
     * Fetches the form and sends it with an {@code X-Forwarded-For} header of the client's choosing, as a client trying
     * to pass for another address would.
     */
    public HttpResponse<String> submitClaimingToBe(String forwardedFor, String identifier, String birthDate)
            throws IOException, InterruptedException {
        return post(token(open().body()), identifier, birthDate, forwardedFor);
    }

    private HttpResponse<String> post(String token, String identifier, String birthDate, String forwardedFor)
            throws IOException, InterruptedException {
        String body = "entFormToken=" + encode(token) + "&identifier=" + encode(identifier) + "&birthDate="
                + encode(birthDate);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "fr")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Fetches "J'ai un code d'assistance" and sends it: the answer to the POST (not followed: a 303 to the page where
     * the outcome waits, or the form again).
     */
    public HttpResponse<String> submitCode(String identifier, String birthDate, String code)
            throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(url + "/code"))
                        .header("Accept-Language", "fr")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String body = "entFormToken=" + encode(token(page.body())) + "&identifier=" + encode(identifier) + "&birthDate="
                + encode(birthDate) + "&code=" + encode(code);
        return http.send(
                HttpRequest.newBuilder(URI.create(url + "/code"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept-Language", "fr")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The token a form page carries. */
    public static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no form token in the page: " + page);
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
