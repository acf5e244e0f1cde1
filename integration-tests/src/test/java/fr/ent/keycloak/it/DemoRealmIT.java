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
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;

/** The realm file that ./start.sh imports is the one the tests import, and it configures the pack. */
@EntServerTest
class DemoRealmIT {

    private static final String USER_STORAGE = "org.keycloak.storage.UserStorageProvider";

    /** The realm file's client scopes: Keycloak's own and the pack's. */
    private static final List<String> SHIPPED_SCOPES = List.of(
            "saml_organization",
            "phone",
            "AuthnContextClassRef",
            "profile",
            "roles",
            "service_account",
            "web-origins",
            "address",
            "microprofile-jwt",
            "basic",
            "organization",
            "offline_access",
            "acr",
            "role_list",
            "email",
            "personal-email",
            "supann-ine",
            "supann",
            "supann-saml");

    @Test
    void realmIsFrenchFirstWithTheEntThemes(Keycloak admin) {
        RealmRepresentation realm = admin.realm(KeycloakServer.REALM).toRepresentation();

        assertThat(realm.isInternationalizationEnabled()).isTrue();
        assertThat(realm.getDefaultLocale()).isEqualTo("fr");
        assertThat(realm.getSupportedLocales()).containsExactlyInAnyOrder("fr", "en");
        assertThat(realm.getLoginTheme()).isEqualTo("ent");
        assertThat(realm.getEmailTheme()).isEqualTo("ent");
    }

    /**
     * The shipped realm turns off what CVE-2026-19607 (username takeover and lockout) and CVE-2026-16103 (CIBA lockout
     * bypass) need on 26.7.3 — no one changes a username, no client takes the CIBA grant — and keeps admin events,
     * which hold the helpdesk's free-text reasons, 12 months (docs/security.md).
     */
    @Test
    void theRealmShipsWithoutWhatTheKnownCvesNeed_andAdminEventsExpire(Keycloak admin) {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        RealmRepresentation representation = realm.toRepresentation();
        assertThat(representation.isEditUsernameAllowed()).isFalse();
        assertThat(realm.clients().findAll())
                .allSatisfy(client -> assertThat(
                                client.getAttributes() == null
                                        ? null
                                        : client.getAttributes().get("oidc.ciba.grant.enabled"))
                        .as("CIBA grant of %s", client.getClientId())
                        .isNotEqualTo("true"));
        assertThat(representation.getAttributes()).containsEntry("adminEventsExpiration", "31536000");
        assertThat(representation.isAdminEventsEnabled()).isTrue();
    }

    /**
     * What an operator reads in the console (Keycloak shows a required action's name, a client scope's, a role's and a
     * client's description as stored, whatever the console's language): the shipped realm says it in French first,
     * then in English, for the pack's own and for Keycloak's own.
     */
    @Test
    void theRealmsRequiredActionsScopesRolesAndClientsSpeakFrenchFirst(Keycloak admin) {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        List<RequiredActionProviderRepresentation> actions = realm.flows().getRequiredActions();
        assertThat(actions)
                .filteredOn(action -> action.getAlias().startsWith("ent-"))
                .hasSize(6)
                .allSatisfy(action ->
                        assertThat(action.getName()).startsWith("ENT : ").contains(" / "));
        assertThat(actions)
                .extracting(RequiredActionProviderRepresentation::getAlias)
                .contains("UPDATE_PASSWORD", "VERIFY_EMAIL", "CONFIGURE_TOTP", "update_user_locale");
        assertThat(actions).allSatisfy(action -> assertFrenchThenEnglish(action.getName()));
        // every required action of this Keycloak is registered, so none is listed under Keycloak's English name; those
        // the pack does not use are off (a student cannot delete the account the enrolment owns)
        assertThat(realm.flows().getUnregisteredRequiredActions()).isEmpty();
        assertThat(realm.flows().getRequiredAction("delete_account").isEnabled())
                .isFalse();
        assertThat(realm.flows().getRequiredAction("UPDATE_EMAIL").isEnabled()).isFalse();
        assertThat(realm.clientScopes().findAll())
                .filteredOn(scope -> SHIPPED_SCOPES.contains(scope.getName()))
                .hasSize(SHIPPED_SCOPES.size())
                .allSatisfy(scope -> assertFrenchThenEnglish(scope.getDescription()));
        assertFrenchThenEnglish(
                realm.roles().get("ent-helpdesk").toRepresentation().getDescription());
        for (String clientId : List.of("ent-portal", "ent-assistance")) {
            ClientRepresentation client =
                    realm.clients().findByClientId(clientId).get(0);
            assertFrenchThenEnglish(client.getName());
            assertFrenchThenEnglish(client.getDescription());
        }
    }

    /** "French / English": two different texts, the French one first (it has a French word or accent). */
    private static void assertFrenchThenEnglish(String text) {
        assertThat(text).as("a console text").isNotNull().contains(" / ");
        String french = text.substring(0, text.indexOf(" / "));
        String english = text.substring(text.indexOf(" / ") + 3);
        assertThat(french)
                .as(text)
                .isNotEqualTo(english)
                .containsPattern("[éèêàùçôî’]|ENT : |\\b(le|la|les|de|du|des|un|une|son|sa|ses|et)\\b");
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
