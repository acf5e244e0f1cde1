package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.ActivationJourney;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.FirstConnectionForm;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.Students;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.openqa.selenium.WebDriver;

/**
 * The activation jar carries its own pages, emails and texts ({@code theme-resources}): in a realm whose login and
 * email themes are Keycloak's own, "1ère connexion", the activation email and the activation's pages still work, in
 * French.
 */
@EntServerTest
class ThemeIndependenceIT {

    @Test
    void theActivationWorksUnderKeycloaksOwnThemes(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        RealmRepresentation before = realm.toRepresentation();
        try {
            useThemes(realm, "keycloak.v2", "keycloak");

            HttpResponse<String> form = new FirstConnectionForm(server.realmUrl()).open();
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("name=\"entFormToken\"").doesNotContain("entFirstConnection");

            Students.insertPaid(database, "71700001", "thkc", "Théa", "Thème");
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            ReceivedMail invitation = mail.awaitMessagesTo("thkc@example.org", 1, Duration.ofSeconds(90))
                    .get(0);
            assertThat(invitation.subject()).isEqualTo("[ENT] Activez votre compte informatique");
            assertThat(invitation.text()).contains("thkc").doesNotContain("entActivation");

            ActivationJourney journey = new ActivationJourney(browser);
            assertThat(journey.open(ActivationJourney.link(invitation))).isEqualTo("thkc");
            assertThat(journey.bodyText()).doesNotContain("entActivation");
        } finally {
            useThemes(realm, before.getLoginTheme(), before.getEmailTheme());
            Students.forget(realm, database, "thkc");
        }
    }

    private static void useThemes(RealmResource realm, String login, String email) {
        RealmRepresentation update = new RealmRepresentation();
        update.setLoginTheme(login);
        update.setEmailTheme(email);
        realm.update(update);
    }
}
