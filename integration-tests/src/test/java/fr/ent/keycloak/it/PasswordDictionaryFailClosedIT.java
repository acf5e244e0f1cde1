package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.RunsAlongside;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * A dictionary an administrator dropped in {@code conf/ent-password-dictionaries} that cannot be read makes the policy
 * fail closed: every password is refused with a message that says why, the admin console shows the policy as
 * unavailable, the server log names the cause, and the realm still loads. Runs its own server, set up with the broken
 * file.
 */
// beside the shared server's classes, one such class at a time; its own tests one after another, in this thread
@EntServerTest
@RunsAlongside
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(RunsAlongside.SERVERS_OF_THEIR_OWN)
class PasswordDictionaryFailClosedIT {

    private static KeycloakServer server;

    @BeforeAll
    static void startServerWithABrokenDictionary() {
        server = KeycloakServer.startCopy("broken-dictionary", home -> {
            try {
                Path folder = Files.createDirectories(home.resolve("conf/ent-password-dictionaries"));
                // "é" cut in half: not UTF-8
                Files.write(folder.resolve("campus.txt"), new byte[] {'c', 'a', 'f', (byte) 0xC3, '\n'});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void serverLogNamesTheBrokenList() throws IOException {
        assertThat(Files.readString(server.log()))
                .contains("ENT password dictionary could not be loaded")
                .contains("campus.txt");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void everyPasswordIsRefusedAndTheStudentIsToldWhy() {
        RealmResource realm = server.admin().realm(KeycloakServer.REALM);
        UserRepresentation student = new UserRepresentation();
        student.setUsername("it-" + UUID.randomUUID().toString().substring(0, 8));
        student.setEnabled(true);
        UserResource user;
        try (Response response = realm.users().create(student)) {
            user = realm.users().get(CreatedResponseUtil.getCreatedId(response));
        }
        CredentialRepresentation strong = new CredentialRepresentation();
        strong.setType(CredentialRepresentation.PASSWORD);
        strong.setValue("cheval-agrafe-batterie-correct7");

        BadRequestException refused = catchThrowableOfType(BadRequestException.class, () -> user.resetPassword(strong));

        assertThat(refused).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = refused.getResponse().readEntity(Map.class);
        assertThat(String.valueOf(body.get("error_description"))).contains("momentanément indisponible");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void adminConsoleShowsThePolicyAsUnavailableAndTheRealmStillLoads() {
        assertThat(server.admin().serverInfo().getInfo().getPasswordPolicies())
                .filteredOn(policy -> policy.getId().equals("entPassword"))
                .singleElement()
                .satisfies(policy -> assertThat(policy.getDisplayName()).contains("UNAVAILABLE"));
        assertThat(server.admin().realm(KeycloakServer.REALM).toRepresentation().getPasswordPolicy())
                .contains("entPassword(8)");
    }
}
