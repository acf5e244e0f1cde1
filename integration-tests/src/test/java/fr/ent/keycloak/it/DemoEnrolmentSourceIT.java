package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.RunsAlongside;
import fr.ent.keycloak.it.support.Students;
import fr.ent.keycloak.it.support.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * A second server, set up as a university may run it: the demo's way, and without the jars of the audiences it does
 * not want.
 *
 * <ul>
 *   <li>The demo reads a PostgreSQL enrolment database while Keycloak's own data stays in its embedded dev-file
 *       database: the server settings come from {@code ./start.sh server-env} itself, and a server started with them
 *       (and no Keycloak database setting) imports the students. Before, every sync failed with "no JDBC driver for
 *       jdbc:postgresql".
 *   <li>The assistance console ({@code ent-assistance-console.jar}) and the service mappers
 *       ({@code ent-service-mappers.jar}) are left out: the server starts and imports the shipped realm (which names
 *       the console's client and the mappers), the enrolment source imports students, the student's pages answer,
 *       an activated student gets tokens (without the SupAnn claims), and the console's address is not there.
 * </ul>
 */
@EntServerTest
@RunsAlongside
// beside the shared server's classes, one such class at a time; its own tests one after another, in this thread
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(RunsAlongside.SERVERS_OF_THEIR_OWN)
class DemoEnrolmentSourceIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> LEFT_OUT = List.of("ent-assistance-console.jar", "ent-service-mappers.jar");
    private static final String PASSWORD = "cheval-agrafe-batterie-7";

    private static KeycloakServer server;

    @BeforeAll
    static void startTheDemosWayWithoutTheConsoleAndTheServices(EnrolmentDatabase database) throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("ENT_ENROLMENT_JDBC_URL", database.jdbcUrl());
        environment.put("ENT_ENROLMENT_DB_USER", database.user());
        environment.put("ENT_ENROLMENT_DB_PASSWORD", database.password());
        environment.putAll(serverEnv(environment));
        environment.put("KC_SPI_STORAGE__ENT_ENROLMENT__ALLOW_H2", "false");
        environment.put("ENT_TEST_CLOCK", "enabled");
        assertThat(environment)
                .containsEntry("KC_DB_KIND_ENROLMENT", "postgres")
                .doesNotContainKey("KC_DB");
        server = KeycloakServer.startCopy(
                "dev-file-postgres-enrolment",
                home -> {
                    for (String jar : LEFT_OUT) {
                        try {
                            assertThat(Files.deleteIfExists(
                                            home.resolve("providers").resolve(jar)))
                                    .as("%s was installed in the copy", jar)
                                    .isTrue();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                },
                environment);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theDemoSyncsFromPostgresqlWithKeycloaksDataEmbedded(EnrolmentDatabase database) throws Exception {
        Students.insertPaid(database, "71600001", "demopg", "Paula", "Postgres");
        try {
            RealmResource realm = server.admin().realm(KeycloakServer.REALM);
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            assertThat(Students.user(realm, "demopg").getAttributes())
                    .containsEntry("supannEtuId", java.util.List.of("71600001"));
            assertThat(Students.state(realm, "demopg")).isEqualTo("ACTIVATABLE");
        } finally {
            delete(database, "demopg");
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void withoutTheConsoleTheStudentsPagesAnswerAndTheConsoleIsNotThere() throws Exception {
        assertThat(get("/ent-first-connection").statusCode()).isEqualTo(200);
        assertThat(get("/ent-help").statusCode()).isEqualTo(200);
        assertThat(get("/ent-assistance").statusCode()).isEqualTo(404);
    }

    /** An activated student signs in through a client with the supann scope: the token leaves the claims out. */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void withoutTheServiceMappersAnActiveStudentGetsATokenWithoutTheSupannClaims(EnrolmentDatabase database)
            throws Exception {
        Students.insertPaid(database, "71600002", "demoscope", "Sacha", "Scope");
        RealmResource realm = server.admin().realm(KeycloakServer.REALM);
        String clientId = "it-lean-" + UUID.randomUUID().toString().substring(0, 8);
        String client = null;
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.setPassword(realm, "demoscope", PASSWORD);
            HttpResponse<String> activated = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(server.realmUrl() + "/ent-test-clock/activated/demoscope"))
                                    .PUT(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(activated.statusCode()).isEqualTo(200);
            client = Tokens.directGrantClient(realm, clientId, List.of("supann"));

            String claims = Tokens.claims(Tokens.accessToken(server, clientId, "demoscope", PASSWORD, "supann"));

            // the scope is granted; the claims its mappers would add are simply absent
            assertThat(claims).contains("\"azp\":\"" + clientId + "\"").contains("\"scope\":\"supann\"");
            assertThat(claims).doesNotContain("supannEtuId").doesNotContain("eduPersonAffiliation");
        } finally {
            if (client != null) {
                realm.clients().get(client).remove();
            }
            delete(database, "demoscope");
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theServerLogHasNoMissingClass() throws Exception {
        assertThat(Files.readString(server.log()))
                .doesNotContain("NoClassDefFoundError")
                .doesNotContain("ClassNotFoundException");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.realmUrl() + path))
                                .header("Accept-Language", "fr")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void delete(EnrolmentDatabase database, String login) throws Exception {
        try (java.sql.Connection connection = database.connect();
                java.sql.PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM ent_enrolment WHERE login = ?")) {
            delete.setString(1, login);
            delete.executeUpdate();
        }
    }

    /** What {@code ./start.sh server-env} prints for this environment, the masked password put back. */
    private static Map<String, String> serverEnv(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", ROOT.resolve("start.sh").toString(), "server-env")
                .directory(ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        String password = environment.get("ENT_ENROLMENT_DB_PASSWORD");
        if (password != null && !password.isEmpty()) {
            assertThat(text).as("the password is masked").doesNotContain("=" + password + "\n");
        }
        Map<String, String> settings = new HashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                String name = line.substring(0, equals);
                String value = line.substring(equals + 1);
                settings.put(name, name.contains("PASSWORD") ? environment.get("ENT_ENROLMENT_DB_PASSWORD") : value);
            }
        }
        return settings;
    }
}
