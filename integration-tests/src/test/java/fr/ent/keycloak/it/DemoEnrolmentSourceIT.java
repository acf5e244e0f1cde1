package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * The demo reads a PostgreSQL enrolment database while Keycloak's own data stays in its embedded dev-file database:
 * the server settings come from {@code ./start.sh server-env} itself, and a server started with them (and no Keycloak
 * database setting) imports the students. Before, every sync failed with "no JDBC driver for jdbc:postgresql".
 */
@EntServerTest
class DemoEnrolmentSourceIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theDemoSyncsFromPostgresqlWithKeycloaksDataEmbedded(EnrolmentDatabase database) throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("ENT_ENROLMENT_JDBC_URL", database.jdbcUrl());
        environment.put("ENT_ENROLMENT_DB_USER", database.user());
        environment.put("ENT_ENROLMENT_DB_PASSWORD", database.password());
        environment.putAll(serverEnv(environment));
        environment.put("KC_SPI_STORAGE__ENT_ENROLMENT__ALLOW_H2", "false");
        assertThat(environment)
                .containsEntry("KC_DB_KIND_ENROLMENT", "postgres")
                .doesNotContainKey("KC_DB");

        Students.insertPaid(database, "71600001", "demopg", "Paula", "Postgres");
        try (KeycloakServer server = KeycloakServer.startCopy("dev-file-postgres-enrolment", home -> {}, environment)) {
            RealmResource realm = server.admin().realm(KeycloakServer.REALM);
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            assertThat(Students.user(realm, "demopg").getAttributes())
                    .containsEntry("supannEtuId", java.util.List.of("71600001"));
            assertThat(Students.state(realm, "demopg")).isEqualTo("ACTIVATABLE");
        } finally {
            try (java.sql.Connection connection = database.connect();
                    java.sql.Statement delete = connection.createStatement()) {
                delete.executeUpdate("DELETE FROM ent_enrolment WHERE login = 'demopg'");
            }
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
