package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The enrolment source as a datasource configured on the server ({@code db-kind-enrolment}, {@code db-url-full-…},
 * set by the test environment as an administrator would), named in the component instead of a JDBC URL: a sync reads
 * it, a sign-in of an unknown student reads it inside Keycloak's request, and a wrong name is refused on save with
 * the names the server has.
 */
@EntServerTest
class EnrolmentDatasourceIT {

    private static final String RELATION = "ent_enrolment_by_datasource";
    private static final int YEAR = Students.CURRENT_ACADEMIC_YEAR;

    @Test
    void studentsAreReadThroughTheServersDatasource(Keycloak admin, EnrolmentDatabase database, KeycloakServer server)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        OffsetDateTime paid = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + RELATION + " (LIKE ent_enrolment INCLUDING ALL)");
            Students.insert(connection, RELATION, "31000001", "dsfirst", "Maëlle", "Garnier", paid, YEAR);
            Students.insert(connection, RELATION, "31000002", "dssecond", "Noé", "Faure", null, YEAR);
        }
        String component = null;
        try {
            try (Response created = realm.components().add(component(realm, "by datasource", null, "enrolment"))) {
                assertThat(created.getStatus())
                        .as(created.readEntity(String.class))
                        .isEqualTo(201);
                String location = created.getLocation().getPath();
                component = location.substring(location.lastIndexOf('/') + 1);
            }

            SynchronizationResultRepresentation full = realm.userStorage().syncUsers(component, "triggerFullSync");
            assertThat(full.getAdded()).isEqualTo(2);
            assertThat(full.getFailed()).isZero();
            assertThat(Students.user(realm, "dsfirst").getAttributes())
                    .containsEntry("supannEtuId", List.of("31000001"))
                    .containsEntry("entAccountState", List.of("ACTIVATABLE"));
            assertThat(Students.state(realm, "dssecond")).isEqualTo("PENDING");
            // accounts written in Keycloak's batch mode hold what Keycloak's addUser gives: the realm's default role
            String defaultRole = realm.toRepresentation().getDefaultRole().getName();
            assertThat(realm.users()
                            .get(Students.user(realm, "dsfirst").getId())
                            .roles()
                            .realmLevel()
                            .listAll())
                    .extracting(RoleRepresentation::getName)
                    .contains(defaultRole);

            // enrolled after the sync: the sign-in attempt reads the datasource within Keycloak's own request
            try (Connection connection = database.connect()) {
                Students.insert(connection, RELATION, "31000003", "dslate", "Lina", "Chevalier", paid, YEAR);
            }
            assertThat(Students.signIn(server, "dslate", "not-yet-a-password")).isBetween(400, 401);
            List<UserRepresentation> late = realm.users().searchByUsername("dslate", true);
            assertThat(late)
                    .singleElement()
                    .extracting(UserRepresentation::getFederationLink)
                    .isEqualTo(component);
            assertThat(Students.state(realm, "dslate")).isEqualTo("ACTIVATABLE");
            assertThat(realm.users()
                            .get(late.get(0).getId())
                            .roles()
                            .realmLevel()
                            .listAll())
                    .extracting(RoleRepresentation::getName)
                    .contains(defaultRole);
        } finally {
            if (component != null) {
                Students.removeSource(realm, component);
            }
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + RELATION);
            }
        }
        assertThat(realm.users().searchByUsername("dsfirst", true)).isEmpty();
    }

    @Test
    void aDatasourceTheServerDoesNotHaveIsRefusedOnSave(Keycloak admin) {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try (Response refused = realm.components().add(component(realm, "unknown datasource", null, "scolarite"))) {
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.readEntity(String.class))
                    .contains("No datasource named \\\"scolarite\\\"")
                    .contains("it has: enrolment")
                    .contains("db-kind-scolarite");
        }
        try (Response refused =
                realm.components().add(component(realm, "both", "jdbc:postgresql://127.0.0.1/x", "enrolment"))) {
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.readEntity(String.class)).contains("not both");
        }
        try (Response refused = realm.components().add(component(realm, "neither", null, null))) {
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(refused.readEntity(String.class)).contains("Set the JDBC URL");
        }
        assertThat(realm.components().query(null, "org.keycloak.storage.UserStorageProvider"))
                .extracting(ComponentRepresentation::getName)
                .doesNotContain("unknown datasource", "both", "neither");
    }

    private static ComponentRepresentation component(
            RealmResource realm, String name, String jdbcUrl, String datasource) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setParentId(realm.toRepresentation().getId());
        component.setName(name);
        component.setProviderId("ent-enrolment");
        component.setProviderType("org.keycloak.storage.UserStorageProvider");
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("enabled", "true");
        config.putSingle("priority", "20");
        config.putSingle("importEnabled", "true");
        if (jdbcUrl != null) {
            config.putSingle("jdbcUrl", jdbcUrl);
        }
        if (datasource != null) {
            config.putSingle("datasource", datasource);
        }
        config.putSingle("relation", RELATION);
        config.putSingle("fullSyncPeriod", "-1");
        config.putSingle("changedSyncPeriod", "-1");
        component.setConfig(config);
        return component;
    }
}
