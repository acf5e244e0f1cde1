package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.Students;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Keycloak's Workflows are on by default (Keycloak 26.6 and later), and their step "notify-user" mails the user: one
 * more of Keycloak's own paths that mails a student, so it asks the lifecycle's owner too. A workflow an administrator
 * writes reaches an active student (counted in the daily quota) and never a student who has not activated.
 */
@EntServerTest
class WorkflowMailIT {

    private static final String MESSAGE = "Message du flux de travail de l’université";

    @Test
    void aWorkflowsNotificationReachesActiveStudentsOnly(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, MailServer mail) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Students.insertPaid(database, "72200011", "wfana", "Ana", "Flux");
        Students.insertPaid(database, "72200012", "wfbob", "Bob", "Flux");
        String workflow = null;
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "wfana", "Glycine-Ardoise-Canal-52");
            workflow = createWorkflow(admin, server);

            // the active student signs in: the workflow's notification arrives, counted in the quota
            long before = server.logPosition();
            assertThat(Students.signIn(server, "wfana", "Glycine-Ardoise-Canal-52"))
                    .isEqualTo(200);
            ReceivedMail notification =
                    mail.awaitSubject("wfana@example.org", "Notification pour le compte", Duration.ofSeconds(30));
            assertThat(notification.text()).contains(MESSAGE);
            server.awaitLogLine(before, "a workflow's notification to student 72200011: SENT");

            // the workflow started on a student who has not activated: nothing goes, the log says why
            before = server.logPosition();
            String bob = Students.user(realm, "wfbob").getId();
            HttpResponse<String> bound = admin(
                    admin,
                    server,
                    "/workflows/" + workflow + "/activate/USERS/" + bob,
                    HttpRequest.BodyPublishers.noBody());
            assertThat(bound.statusCode()).as(bound.body()).isBetween(200, 204);
            server.awaitLogLine(before, "a workflow's notification to student 72200012 not sent: the account is");
            assertThat(mail.messagesTo("wfbob@example.org", "Notification pour le compte"))
                    .isEmpty();
        } finally {
            if (workflow != null) {
                HttpClient.newHttpClient()
                        .send(
                                request(admin, server, "/workflows/" + workflow)
                                        .DELETE()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
            }
            Students.forget(realm, database, "wfana", "wfbob");
        }
    }

    /** A workflow as an administrator would write it: on each sign-in, a notification to the user. */
    private static String createWorkflow(Keycloak admin, KeycloakServer server)
            throws IOException, InterruptedException {
        HttpResponse<String> created = admin(
                admin,
                server,
                "/workflows",
                HttpRequest.BodyPublishers.ofString("{\"name\":\"ent-it-notify\",\"on\":\"user-authenticated\","
                        + "\"steps\":[{\"uses\":\"notify-user\",\"with\":{\"message\":\"" + MESSAGE + "\"}}]}"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> admin(
            Keycloak admin, KeycloakServer server, String path, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        request(admin, server, path)
                                .header("Content-Type", "application/json")
                                .POST(body)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(Keycloak admin, KeycloakServer server, String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + path))
                .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString());
    }
}
