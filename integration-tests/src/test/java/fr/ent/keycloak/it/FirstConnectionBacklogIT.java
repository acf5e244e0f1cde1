package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.FirstConnectionForm;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.LifecycleConsole;
import fr.ent.keycloak.it.support.Students;
import fr.ent.keycloak.it.support.TcpProxy;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * "1ère connexion" answers at once and does its work in the background; when that work falls behind (a flood, or an
 * enrolment database that hangs), the requests waiting on a node are capped: beyond the setting
 * {@code entFirstConnectionMaxWaiting}, a request is told in French that the service is busy (503, the form kept),
 * never queued without end, never a server error; once the backlog is gone, the form answers as usual.
 */
@EntServerTest
class FirstConnectionBacklogIT {

    private static final String RELATION = "ent_enrolment_backlog";
    private static final int REQUESTS = 16;

    @Test
    void beyondTheRequestsWaitingOnANodeTheNextOneIsToldTheServiceIsBusy(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Map<String, String> before = LifecycleConsole.read(realm);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + RELATION + " (LIKE ent_enrolment INCLUDING ALL)");
        }
        String component = null;
        ExecutorService students = Executors.newFixedThreadPool(REQUESTS);
        try (TcpProxy proxy = database.proxy()) {
            component = Students.createComponent(
                    realm, "backlog", database.jdbcUrlThrough(proxy), database.user(), database.password(), RELATION);
            LifecycleConsole.save(realm, before, "entFirstConnectionMaxWaiting", "2");
            // the enrolment database hangs: each lookup of an unknown identifier holds a worker for seconds
            proxy.mode(TcpProxy.Mode.SILENT);

            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String identifier = "nobody" + i;
                sent.add(students.submit(
                        () -> new FirstConnectionForm(server.realmUrl()).submit(identifier, "01/01/2000")));
            }
            int answered = 0;
            int busy = 0;
            for (Future<HttpResponse<String>> answer : sent) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 503) {
                    busy++;
                    assertThat(response.body())
                            .contains("trop de demandes en ce moment")
                            .contains("name=\"identifier\"")
                            .doesNotContain("Exception");
                } else {
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(response.body()).contains("ent-first-connection-sent");
                    answered++;
                }
            }
            // the node's workers take some, two wait, the others are refused at once
            assertThat(answered).as("requests taken").isGreaterThanOrEqualTo(3);
            assertThat(busy).as("requests told the service is busy").isPositive();
            assertThat(answered + busy).isEqualTo(REQUESTS);
            // "J'ai un code d'assistance" waits in the same queue: refused at once too, never held by the lookup
            HttpResponse<String> code =
                    new FirstConnectionForm(server.realmUrl()).submitCode("nobody-code", "01/01/2000", "ABCD-EFGH");
            assertThat(code.statusCode()).isEqualTo(503);
            assertThat(code.body()).contains("trop de demandes en ce moment").contains("name=\"code\"");

            // the database answers again: once the backlog is worked off, the form takes requests as usual
            proxy.mode(TcpProxy.Mode.FORWARD);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            int status;
            do {
                Thread.sleep(1000);
                status = new FirstConnectionForm(server.realmUrl())
                        .submit("nobody-after", "01/01/2000")
                        .statusCode();
            } while (status == 503 && Instant.now().isBefore(deadline));
            assertThat(status).isEqualTo(200);
        } finally {
            students.shutdownNow();
            RealmResource current = server.admin().realm(KeycloakServer.REALM);
            LifecycleConsole.restore(current, before);
            if (component != null) {
                Students.removeSource(current, component);
            }
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + RELATION);
            }
        }
    }
}
