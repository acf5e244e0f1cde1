package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.LifecycleConsole;
import fr.ent.keycloak.it.support.Students;
import jakarta.ws.rs.WebApplicationException;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ConfigPropertyRepresentation;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;

/**
 * The activation's and the lifecycle's settings live in the admin console (the configuration of the required action
 * "ENT : début de l’activation et réglages / start of activation and settings"): listed with labels, imported with
 * the demo realm, refused when wrong, and followed by the server — the delay after payment set there decides when a
 * student becomes activatable.
 */
@EntServerTest
class ConsoleSettingsIT {

    private static final String HOLDER = "ent-activation-start";

    @Test
    void theSettingsAreInTheConsoleCheckedWhenSavedAndFollowed(Keycloak admin, EnrolmentDatabase database)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        assertThat(realm.flows().getRequiredActionConfigDescription(HOLDER).getProperties())
                .extracting(ConfigPropertyRepresentation::getName)
                .contains(
                        "entActivationDelayMinutes",
                        "entAccessEndsOn",
                        "entStudentMailsPerDay",
                        "entCharterVersion",
                        "entRetentionMonths");
        assertThat(realm.flows().getRequiredActionConfigDescription(HOLDER).getProperties())
                .extracting(ConfigPropertyRepresentation::getLabel)
                .contains("entActivationDelayMinutes.label");

        RequiredActionConfigRepresentation stored = realm.flows().getRequiredActionConfig(HOLDER);
        // the demo realm ships its settings there
        assertThat(stored.getConfig()).containsEntry("entCharterVersion", "2026-1");
        Map<String, String> before = new HashMap<>(stored.getConfig());

        try (Connection connection = database.connect()) {
            Students.insert(
                    connection,
                    "ent_enrolment",
                    "71800001",
                    "cfdelay",
                    "Dalia",
                    "Délai",
                    OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(20),
                    Students.CURRENT_ACADEMIC_YEAR);
        }
        try {
            // a wrong value is refused, with the setting it is about, and nothing changes
            Throwable refused =
                    catchThrowable(() -> LifecycleConsole.save(realm, before, "entActivationDelayMinutes", "15min"));
            assertThat(refused).isInstanceOf(WebApplicationException.class);
            assertThat(((WebApplicationException) refused).getResponse().getStatus())
                    .isEqualTo(400);
            assertThat(realm.flows().getRequiredActionConfig(HOLDER).getConfig())
                    .doesNotContainKey("entActivationDelayMinutes");

            // the retention of closed accounts: 0 to 240 months
            Throwable negative = catchThrowable(() -> LifecycleConsole.save(realm, before, "entRetentionMonths", "-1"));
            assertThat(((WebApplicationException) negative).getResponse().getStatus())
                    .isEqualTo(400);
            assertThat(realm.flows().getRequiredActionConfig(HOLDER).getConfig())
                    .doesNotContainKey("entRetentionMonths");

            // 60 minutes after payment in this realm: a student who paid 20 minutes ago is not activatable yet
            LifecycleConsole.save(realm, before, "entActivationDelayMinutes", "60");
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            assertThat(Students.state(realm, "cfdelay")).isEqualTo("PENDING");

            LifecycleConsole.save(realm, before, "entActivationDelayMinutes", "15");
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            assertThat(Students.state(realm, "cfdelay")).isEqualTo("ACTIVATABLE");
        } finally {
            LifecycleConsole.restore(realm, before);
            Students.forget(realm, database, "cfdelay");
        }
    }
}
