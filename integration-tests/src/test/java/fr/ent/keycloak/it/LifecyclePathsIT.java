package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.ent.keycloak.it.support.ActivationJourney;
import fr.ent.keycloak.it.support.Browser;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.Students;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lifecycle holds on every path that sets a credential, mails a student or lets one in: Keycloak's "forgot
 * password", the console's "send an email with actions", a password set by an administrator, links bound to the
 * address they were mailed to, one link ending one journey, and the daily cap of emails across paths.
 */
@EntServerTest
class LifecyclePathsIT {

    private static final String RESET_SUBJECT = "Réinitialiser le mot de passe";
    private static final String PASSWORD = "Girafe-trombone-lanterne-8";
    private static final int YEAR = Students.CURRENT_ACADEMIC_YEAR;

    /**
     * "Mot de passe oublié" for a student who has not paid, and for one who paid 5 minutes ago: no reset link, the
     * guidance of "1ère connexion" instead, the same page as for an active student, and nothing activated.
     */
    @Test
    void forgotPasswordNeverActivatesAStudentWhoMayNotActivate(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.connect()) {
            Students.insert(connection, "ent_enrolment", "71400001", "lcunpaid", "Ugo", "Impayé", null, YEAR);
            Students.insert(
                    connection, "ent_enrolment", "71400002", "lcfive", "Fanny", "Récente", now.minusMinutes(5), YEAR);
        }
        Students.insertPaid(database, "71400003", "lcactive", "Alix", "Active");
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "lcactive", PASSWORD);

            String activePage = forgotPassword(server, browser, "lcactive");
            mail.awaitSubject("lcactive@example.org", RESET_SUBJECT, Duration.ofSeconds(60));

            assertThat(forgotPassword(server, browser, "lcunpaid")).isEqualTo(activePage);
            ReceivedMail unpaid = mail.awaitSubject(
                    "lcunpaid@example.org", "[ENT] Activation de votre compte informatique", Duration.ofSeconds(60));
            assertThat(unpaid.text()).doesNotContain("action-token");

            assertThat(forgotPassword(server, browser, "lcfive")).isEqualTo(activePage);
            ReceivedMail soon = mail.awaitSubject(
                    "lcfive@example.org", "[ENT] Votre compte sera bientôt prêt", Duration.ofSeconds(60));
            assertThat(soon.text()).doesNotContain("action-token");

            for (String login : List.of("lcunpaid", "lcfive")) {
                assertThat(mail.messagesTo(login + "@example.org", RESET_SUBJECT))
                        .isEmpty();
                assertThat(Students.state(realm, login)).isEqualTo("PENDING");
                assertThat(realm.users()
                                .get(Students.user(realm, login).getId())
                                .credentials())
                        .isEmpty();
            }
        } finally {
            Students.forget(realm, database, "lcunpaid", "lcfive", "lcactive");
        }
    }

    /** Six "forgot password" in a minute for one student: three emails, whatever the path that sent the others. */
    @Test
    void aStudentGetsAtMostThreeEmailsADayAcrossPaths(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Students.insertPaid(database, "71400004", "lcflood", "Flora", "Inondée");
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            // the automatic activation email is the first of the day's three
            mail.awaitMessagesTo("lcflood@example.org", 1, Duration.ofSeconds(90));
            Students.activate(server, "lcflood", PASSWORD);
            for (int i = 0; i < 6; i++) {
                forgotPassword(server, browser, "lcflood");
            }
            // each request mails (or not) before its page answers: what arrived is all there is
            assertThat(mail.messagesTo("lcflood@example.org", RESET_SUBJECT)).hasSize(2);
            // the console's "send an email with actions" is refused too, with the reason
            assertThat(refusal(() -> realm.users()
                            .get(Students.user(realm, "lcflood").getId())
                            .executeActionsEmail(List.of("UPDATE_PASSWORD"))))
                    .contains("entStudentMailsPerDay");
            assertThat(mail.messagesTo("lcflood@example.org")).hasSize(3);
        } finally {
            Students.forget(realm, database, "lcflood");
        }
    }

    /**
     * The console's "send an email with actions" and a password set by an administrator do not let a student who is
     * not active in: the email is refused with the reason, and the password does not sign in.
     */
    @Test
    void anAdministratorCannotGiveAStudentWhoIsNotActiveAWayIn(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try (Connection connection = database.connect()) {
            Students.insert(connection, "ent_enrolment", "71400005", "lcadmin", "Ada", "Administrée", null, YEAR);
        }
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            String id = Students.user(realm, "lcadmin").getId();
            assertThat(refusal(() -> realm.users().get(id).executeActionsEmail(List.of("UPDATE_PASSWORD"))))
                    .contains("PENDING", "activation link");
            assertThat(mail.messagesTo("lcadmin@example.org")).isEmpty();

            Students.setPassword(realm, "lcadmin", PASSWORD);
            assertThat(Students.signIn(server, "lcadmin", PASSWORD)).isEqualTo(400);
            assertThat(Students.state(realm, "lcadmin")).isEqualTo("PENDING");
        } finally {
            Students.forget(realm, database, "lcadmin");
        }
    }

    /** A link mailed before the enrolment record changed the personal address opens nothing once the sync saw it. */
    @Test
    void aLinkStaysBoundToTheAddressItWasMailedTo(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, WebDriver browser) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Students.insertPaid(database, "71400006", "lcmoved", "Mona", "Déménagée");
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            String link = ActivationJourney.link(mail.awaitMessagesTo("lcmoved@example.org", 1, Duration.ofSeconds(90))
                    .get(0));
            try (Connection connection = database.connect();
                    PreparedStatement update = connection.prepareStatement("UPDATE ent_enrolment SET"
                            + " personal_email = 'mona.new@example.net', updated_at = now() WHERE login = 'lcmoved'")) {
                update.executeUpdate();
            }
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            assertThat(Students.user(realm, "lcmoved").getEmail()).isEqualTo("mona.new@example.net");

            browser.get(link);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")));
            assertThat(browser.findElements(By.id("ent-username"))).isEmpty();
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("1ère connexion");
            assertThat(Students.state(realm, "lcmoved")).isEqualTo("ACTIVATABLE");
        } finally {
            Students.forget(realm, database, "lcmoved");
        }
    }

    /** Two journeys opened from one link (two browsers): one activates the account, the other is refused at the end. */
    @Test
    void oneLinkEndsOneJourney(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Students.insertPaid(database, "71400007", "lctwice", "Théo", "Deuxfois");
        WebDriver other = Browser.open();
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            String link = ActivationJourney.link(mail.awaitMessagesTo("lctwice@example.org", 1, Duration.ofSeconds(90))
                    .get(0));
            ActivationJourney first = new ActivationJourney(browser);
            ActivationJourney second = new ActivationJourney(other);
            assertThat(first.open(link)).isEqualTo("lctwice");
            assertThat(second.open(link)).isEqualTo("lctwice");
            first.upToSummary(PASSWORD);
            second.upToSummary("Lanterne-girafe-cobalt-42");

            assertThat(first.activate()).contains("mis à jour");
            assertThat(second.activate()).doesNotContain("mis à jour").contains("déjà activé");
            assertThat(Students.state(realm, "lctwice")).isEqualTo("ACTIVE");
            assertThat(Students.signIn(server, "lctwice", PASSWORD)).isEqualTo(200);
        } finally {
            other.quit();
            Students.forget(realm, database, "lctwice");
        }
    }

    /** What the admin REST API answered a call it refused. */
    private static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable refused = catchThrowable(call);
        assertThat(refused).isInstanceOf(jakarta.ws.rs.WebApplicationException.class);
        return ((jakarta.ws.rs.WebApplicationException) refused).getResponse().readEntity(String.class);
    }

    /** Keycloak's reset-credentials flow in the browser, for {@code login}: the text of the page that answers. */
    private static String forgotPassword(KeycloakServer server, WebDriver browser, String login) {
        browser.manage().deleteAllCookies();
        browser.get(server.realmUrl() + "/login-actions/reset-credentials?client_id=account-console");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                .sendKeys(login);
        org.openqa.selenium.WebElement submit = browser.findElement(By.cssSelector("form [type=submit]"));
        submit.click();
        wait.until(ExpectedConditions.stalenessOf(submit));
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")))
                        .getText()
                + "\n"
                + browser.findElement(By.tagName("body")).getText();
    }
}
