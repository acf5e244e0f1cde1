package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Services receive the university address, never the personal one: the enrolment component builds each student's
 * university address from its pattern ({login}@etu.example.fr in the demo) into the attribute {@code mail}; the realm's
 * {@code email} scope releases it as {@code email} (verified once active) through the pack's mapper; the account's
 * Keycloak email stays the personal address, where every email goes, and only the opt-in {@code personal-email} scope
 * releases it. Names from the enrolment database arrive intact in the tokens. A wrong pattern is refused when saved.
 */
@EntServerTest
class UniversityAddressIT {

    private static final String PASSWORD = "Cobalt-Vanneau-Fougere-31";
    private static final String PERSONAL = "zoe.perso-canary@example.net";
    private static final String SERVICE = "ua-timetable";
    private static final String SECRET = "ua-timetable-secret-7f3c";

    @Test
    void servicesGetTheUniversityAddressAndNeverThePersonalOne(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO ent_enrolment"
                        + " (student_number, login, ine, first_name, last_name, birth_date, personal_email,"
                        + " last_academic_year, program_label, fee_paid_at, updated_at)"
                        + " VALUES ('71920001', 'uazoe', NULL, 'Zoé-Léa', 'D''Artagnan <b>', DATE '2005-02-03', ?,"
                        + " ?, 'Licence', ?, now())")) {
            insert.setString(1, PERSONAL);
            insert.setInt(2, Students.CURRENT_ACADEMIC_YEAR);
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
            insert.executeUpdate();
        }
        // a service of the workspace, as a university registers one: the realm's default scopes, an optional one
        ClientRepresentation service = new ClientRepresentation();
        service.setClientId(SERVICE);
        service.setProtocol("openid-connect");
        service.setPublicClient(false);
        service.setSecret(SECRET);
        service.setDirectAccessGrantsEnabled(true);
        service.setStandardFlowEnabled(false);
        try (jakarta.ws.rs.core.Response created = realm.clients().create(service)) {
            assertThat(created.getStatus()).isEqualTo(201);
        }
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            UserRepresentation imported = Students.user(realm, "uazoe");
            assertThat(imported.getAttributes())
                    .containsEntry("mail", List.of("uazoe@etu.example.fr"))
                    .containsEntry("supannMailPerso", List.of(PERSONAL));
            assertThat(imported.getEmail()).isEqualTo(PERSONAL);

            Students.activate(server, "uazoe", PASSWORD);
            // the sync leaves a stable address alone
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            assertThat(Students.user(realm, "uazoe").getAttributes())
                    .containsEntry("mail", List.of("uazoe@etu.example.fr"));

            for (String released : released(server, "openid")) {
                Map<?, ?> claims = new ObjectMapper().readValue(released, Map.class);
                assertThat(claims.get("email")).isEqualTo("uazoe@etu.example.fr");
                assertThat(claims.get("email_verified")).isEqualTo(true);
                assertThat(claims.get("given_name")).isEqualTo("Zoé-Léa");
                assertThat(claims.get("family_name")).isEqualTo("D'Artagnan <b>");
                assertThat(released).doesNotContain("perso-canary").doesNotContain("example.net");
            }
            // the supann scope: who the student is for the services, in SupAnn's and eduPerson's names
            for (String released : released(server, "openid supann")) {
                Map<?, ?> claims = new ObjectMapper().readValue(released, Map.class);
                assertThat(claims.get("eduPersonPrincipalName")).isEqualTo("uazoe@example.fr");
                assertThat(claims.get("eduPersonAffiliation")).isEqualTo(List.of("student", "member"));
                assertThat(claims.get("eduPersonPrimaryAffiliation")).isEqualTo("student");
                assertThat(claims.get("supannEtuId")).isEqualTo("71920001");
                assertThat(claims.get("supannEtablissement")).isEqualTo("{UAI}0000000A");
                assertThat(claims.get("ent_account_state")).isEqualTo("ACTIVE");
                // SupAnn's account state: active since today, until 31 December of the year after the enrolment's
                assertThat(claims.get("supannRessourceEtat")).isEqualTo("{COMPTE}A");
                assertThat(claims.get("supannRessourceEtatDate"))
                        .isEqualTo("{COMPTE}A:SupannActif:"
                                + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                                        .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                                + ":" + (Students.CURRENT_ACADEMIC_YEAR + 1) + "1231");
                for (String absent : List.of("supannCodeINE", "supannMailPerso", "schacDateOfBirth")) {
                    assertThat(claims.containsKey(absent)).as(absent).isFalse();
                }
                assertThat(released).doesNotContain("perso-canary");
            }
            // a service asking for the personal address without an administrator giving it the scope gets nothing
            HttpResponse<String> asked = grant(server, "openid personal-email");
            assertThat(asked.body()).doesNotContain("perso-canary");
            if (asked.statusCode() == 200) {
                for (String released : released(server, "openid personal-email")) {
                    assertThat(released).doesNotContain("perso-canary");
                }
            }
            // given the scope on purpose, it gets it
            ClientRepresentation registered =
                    realm.clients().findByClientId(SERVICE).get(0);
            String personalScope = realm.clientScopes().findAll().stream()
                    .filter(scope -> "personal-email".equals(scope.getName()))
                    .findFirst()
                    .orElseThrow()
                    .getId();
            realm.clients().get(registered.getId()).addOptionalClientScope(personalScope);
            for (String released : released(server, "openid personal-email")) {
                Map<?, ?> claims = new ObjectMapper().readValue(released, Map.class);
                assertThat(claims.get("supannMailPerso")).isEqualTo(PERSONAL);
                assertThat(claims.get("email")).isEqualTo("uazoe@etu.example.fr");
            }
        } finally {
            realm.clients()
                    .findByClientId(SERVICE)
                    .forEach(client -> realm.clients().get(client.getId()).remove());
            Students.forget(realm, database, "uazoe");
        }
    }

    @Test
    void aWrongPatternIsRefusedWhenSavedInTheAdminsLanguage(Keycloak admin) {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        ComponentRepresentation component = realm.components()
                .component(Students.component(realm, "enrolment"))
                .toRepresentation();
        List<String> before = component.getConfig().get("universityMailPattern");
        component.getConfig().putSingle("universityMailPattern", "etudiant@etu.example.fr");
        try {
            realm.components().component(component.getId()).update(component);
            throw new AssertionError("a pattern without {login} or {number} was saved");
        } catch (jakarta.ws.rs.BadRequestException refused) {
            String answer = refused.getResponse().readEntity(String.class);
            assertThat(answer).contains("{login}").contains("etudiant@etu.example.fr");
        }
        assertThat(realm.components()
                        .component(component.getId())
                        .toRepresentation()
                        .getConfig()
                        .get("universityMailPattern"))
                .isEqualTo(before);
    }

    @Test
    void aWrongSupannSettingIsRefusedWhenSaved(Keycloak admin) {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        org.keycloak.representations.idm.ClientScopeRepresentation supann = realm.clientScopes().findAll().stream()
                .filter(scope -> "supann".equals(scope.getName()))
                .findFirst()
                .orElseThrow();
        var mappers = realm.clientScopes().get(supann.getId()).getProtocolMappers();
        org.keycloak.representations.idm.ProtocolMapperRepresentation mapper =
                mappers.getMappersPerProtocol("openid-connect").get(0);
        String before = mapper.getConfig().get("entEppnScope");
        mapper.getConfig().put("entEppnScope", "not a domain");
        try {
            mappers.update(mapper.getId(), mapper);
            throw new AssertionError("a scope that is not a domain was saved");
        } catch (jakarta.ws.rs.BadRequestException refused) {
            // the console shows the message of this key, in the administrator's language
            assertThat(refused.getResponse().readEntity(String.class)).contains("entSupannScopeInvalid");
        }
        assertThat(mappers.getMapperById(mapper.getId()).getConfig().get("entEppnScope"))
                .isEqualTo(before);
    }

    /** The ID token's and the access token's claims and the userinfo answer of a password grant asking {@code scope}. */
    private static HttpResponse<String> grant(KeycloakServer server, String scope) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + SERVICE
                                        + "&client_secret=" + SECRET + "&scope="
                                        + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                                        + "&username=uazoe&password="
                                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> released(KeycloakServer server, String scope) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> grant = grant(server, scope);
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        Map<?, ?> tokens = new ObjectMapper().readValue(grant.body(), Map.class);
        HttpResponse<String> userinfo = http.send(
                HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/userinfo"))
                        .header("Authorization", "Bearer " + tokens.get("access_token"))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(userinfo.statusCode()).isEqualTo(200);
        return List.of(
                payload((String) tokens.get("id_token")),
                payload((String) tokens.get("access_token")),
                userinfo.body());
    }

    private static String payload(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
