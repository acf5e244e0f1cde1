package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.ReceivedMail;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;

/** Mail sent by the realm reaches the SMTP server, written with the ent email theme in the realm's language. */
@EntServerTest
class EmailThemeIT {

    private static final String ADMIN_EMAIL = "admin@ent.example.org";

    @Test
    void smtpTestMessageUsesTheEntEmailTheme(Keycloak admin, MailServer mail) {
        UserRepresentation bootstrapAdmin = admin.realm("master")
                .users()
                .searchByUsername(KeycloakServer.ADMIN_USER, true)
                .get(0);
        UserResource adminUser = admin.realm("master").users().get(bootstrapAdmin.getId());
        bootstrapAdmin.setEmail(ADMIN_EMAIL);
        adminUser.update(bootstrapAdmin);
        Map<String, String> smtp =
                admin.realm(KeycloakServer.REALM).toRepresentation().getSmtpServer();

        try (Response response = admin.realm(KeycloakServer.REALM).testSMTPConnection(smtp)) {
            assertThat(response.getStatus()).isEqualTo(204);
        }

        List<ReceivedMail> received = mail.awaitMessagesTo(ADMIN_EMAIL, 1, Duration.ofSeconds(30));
        ReceivedMail message = received.get(received.size() - 1);
        // the admin has no locale of their own: the realm's default language, French, applies
        assertThat(message.subject()).isEqualTo("[ENT] Message de test");
        assertThat(message.text()).contains("service de comptes informatiques ENT");
        assertThat(message.html()).contains("<p>");
        assertThat(message.from()).isEqualTo(smtp.get("from"));
    }
}
