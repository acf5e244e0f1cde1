package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;

/** The realm file that ./start.sh imports is the one the tests import, and it configures the pack. */
@EntServerTest
class DemoRealmIT {

    private static final String USER_STORAGE = "org.keycloak.storage.UserStorageProvider";

    @Test
    void realmIsFrenchFirstWithTheEntThemes(Keycloak admin) {
        RealmRepresentation realm = admin.realm(KeycloakServer.REALM).toRepresentation();

        assertThat(realm.isInternationalizationEnabled()).isTrue();
        assertThat(realm.getDefaultLocale()).isEqualTo("fr");
        assertThat(realm.getSupportedLocales()).containsExactlyInAnyOrder("fr", "en");
        assertThat(realm.getLoginTheme()).isEqualTo("ent");
        assertThat(realm.getEmailTheme()).isEqualTo("ent");
    }

    @Test
    void passwordPolicyAndActivationActionAreConfigured(Keycloak admin) {
        RealmResource realm = admin.realm(KeycloakServer.REALM);

        assertThat(realm.toRepresentation().getPasswordPolicy()).contains("entPassword");
        RequiredActionProviderRepresentation charter = realm.flows().getRequiredAction("ent-accept-charter");
        assertThat(charter.isEnabled()).isTrue();
        assertThat(charter.getProviderId()).isEqualTo("ent-accept-charter");
    }

    @Test
    void enrolmentFederationReadsTheConfiguredDatabaseAndHidesItsPassword(Keycloak admin, EnrolmentDatabase database) {
        List<ComponentRepresentation> storages =
                admin.realm(KeycloakServer.REALM).components().query(null, USER_STORAGE);

        assertThat(storages).extracting(ComponentRepresentation::getProviderId).containsExactly("ent-enrolment");
        MultivaluedHashMap<String, String> config = storages.get(0).getConfig();
        assertThat(config.getFirst("jdbcUrl")).isEqualTo(database.jdbcUrl());
        assertThat(config.getFirst("dbUser")).isEqualTo(database.user());
        assertThat(config.getFirst("dbPassword"))
                .isNotEqualTo(database.password())
                .matches("\\*+");
    }

    @Test
    void mailGoesToTheConfiguredSmtpServer(Keycloak admin, MailServer mail) {
        RealmRepresentation realm = admin.realm(KeycloakServer.REALM).toRepresentation();

        assertThat(realm.getSmtpServer()).containsEntry("host", "127.0.0.1");
        assertThat(realm.getSmtpServer()).containsEntry("port", Integer.toString(mail.smtpPort()));
    }

    @Test
    void enrolmentFederationWithAnInvalidUrlIsRefusedWithAClearMessage(Keycloak admin) {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        ComponentRepresentation broken = new ComponentRepresentation();
        broken.setName("broken enrolment");
        broken.setProviderId("ent-enrolment");
        broken.setProviderType(USER_STORAGE);
        broken.setParentId(realm.toRepresentation().getId());
        broken.setConfig(new MultivaluedHashMap<>());
        broken.getConfig().putSingle("jdbcUrl", "postgres://db.example.org/scolarite");

        try (Response response = realm.components().add(broken)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.readEntity(String.class)).contains("must start with \\\"jdbc:\\\"");
        }
        assertThat(realm.components().query(null, USER_STORAGE))
                .extracting(ComponentRepresentation::getName)
                .doesNotContain("broken enrolment");
    }
}
