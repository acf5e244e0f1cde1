package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.ActivationJourney;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.Students;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The activation journey of one student, end to end on the real server: imported from the enrolment database, mailed
 * automatically at the personal address, link opened in Chromium, charter, password, forwarding, summary; the account
 * is active, a confirmation arrives, the student signs in, and the link does not work twice.
 */
@EntServerTest
class ActivationJourneyIT {

    private static final Pattern LINK =
            Pattern.compile("(http://localhost:\\d+/realms/ent/login-actions/action-token\\?\\S+)");
    private static final String PASSWORD = "Girafe-trombone-lanterne-8";
    private static final int YEAR = Students.CURRENT_ACADEMIC_YEAR;

    @Test
    void fromImportToFirstSignIn(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try {
            importPaidStudent(realm, database, "70000001", "actlea", "Léa", "Activée");
            assertThat(Students.state(realm, "actlea")).isEqualTo("ACTIVATABLE");

            // the server mails the student by itself, at the personal address, in French
            ReceivedMail invitation = mail.awaitMessagesTo("actlea@example.org", 1, Duration.ofSeconds(90))
                    .get(0);
            assertThat(invitation.subject()).isEqualTo("[ENT] Activez votre compte informatique");
            assertThat(invitation.text()).contains("actlea").contains("24 heures");
            assertThat(invitation.html()).contains("actlea");
            String link = link(invitation);

            browser.get(link);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-username")))
                            .getText())
                    .isEqualTo("actlea");
            // opening the link changed nothing
            assertThat(Students.state(realm, "actlea")).isEqualTo("ACTIVATABLE");
            ActivationJourney journey = new ActivationJourney(browser);
            journey.start().acceptCharter().choosePassword(PASSWORD);

            // a university address is refused with a message; an outside one is accepted
            journey.forwardTo("lea@etu.umontpellier.fr");
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("input-error-forwarding")))
                            .getText())
                    .contains("appartient à l'université");
            journey.forwardTo("lea.perso@example.net");

            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-summary-forwarding")))
                            .getText())
                    .isEqualTo("lea.perso@example.net");
            assertThat(Students.state(realm, "actlea")).isEqualTo("ACTIVATABLE");
            browser.findElement(By.id("ent-activate")).click();
            // the journey ends on a confirmation page whose link leads to the portal (an emailed link never signs in)
            WebElement back = wait.until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a[href*='/realms/ent/account']")));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("mis à jour");
            assertThat(back.getAttribute("href")).startsWith(server.realmUrl() + "/account");

            UserRepresentation active = Students.user(realm, "actlea");
            assertThat(active.getAttributes())
                    .containsEntry("entAccountState", List.of("ACTIVE"))
                    .containsEntry("entCharterVersion", List.of("2026-1"))
                    .containsEntry("mailForwardingAddress", List.of("lea.perso@example.net"))
                    .containsKey("entCharterAcceptedAt");
            assertThat(active.getEmail()).isEqualTo("actlea@example.org");
            assertThat(active.isEmailVerified()).isTrue();
            List<ReceivedMail> mails = mail.awaitMessagesTo("actlea@example.org", 2, Duration.ofSeconds(30));
            assertThat(mails.get(1).subject()).isEqualTo("[ENT] Votre compte informatique est activé");
            assertThat(Students.signIn(server, "actlea", PASSWORD)).isEqualTo(200);
            // services of the workspace see the state in their tokens
            String portal = realm.clients().findByClientId("ent-portal").get(0).getId();
            assertThat(realm.clients()
                            .get(portal)
                            .clientScopesEvaluate()
                            .generateAccessToken("openid", active.getId(), null)
                            .getOtherClaims())
                    .containsEntry("ent_account_state", "ACTIVE");

            // the link worked once
            browser.manage().deleteAllCookies();
            browser.get(link);
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")))
                            .getText())
                    .doesNotContain("actlea")
                    .contains("déjà activé");
        } finally {
            Students.forget(realm, database, "actlea");
        }
    }

    @Test
    void aNewLinkVoidsOlderOnesAndALinkExpiresAfterItsLifespan(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try {
            importPaidStudent(realm, database, "70000002", "acttom", "Tom", "Relancé");
            String first = firstLink(mail, "acttom");

            // the helpdesk sends a new link: the older one is void
            try (jakarta.ws.rs.core.Response sent =
                    helpdeskSendsLink(server, Students.user(realm, "acttom").getId())) {
                assertThat(sent.getStatus()).isEqualTo(200);
            }
            String second = link(mail.awaitMessagesTo("acttom@example.org", 2, Duration.ofSeconds(30))
                    .get(1));
            assertThat(second).isNotEqualTo(first);
            browser.get(first);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")))
                            .getText())
                    .contains("remplacé par un plus récent");

            // the newer link still opens now, and no longer once 24 hours have passed
            browser.manage().deleteAllCookies();
            browser.get(second);
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-username")))
                            .getText())
                    .isEqualTo("acttom");
            browser.manage().deleteAllCookies();
            server.setClockOffset(Duration.ofHours(24).plusMinutes(1));
            browser.get(second);
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")))
                            .getText())
                    .contains("Ce lien a expiré")
                    .contains("1ère connexion");
            assertThat(Students.state(server.admin().realm(KeycloakServer.REALM), "acttom"))
                    .isEqualTo("ACTIVATABLE");
        } finally {
            server.setClockOffset(Duration.ZERO);
            Students.forget(server.admin().realm(KeycloakServer.REALM), database, "acttom");
        }
    }

    @Test
    void theEmailWaitsForTheFifteenMinutesAfterPayment(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.connect()) {
            Students.insert(
                    connection,
                    "ent_enrolment",
                    "70000003",
                    "actfourteen",
                    "Paul",
                    "Patient",
                    now.minusMinutes(14),
                    YEAR);
            Students.insert(
                    connection,
                    "ent_enrolment",
                    "70000004",
                    "actsixteen",
                    "Rose",
                    "Prompte",
                    now.minusMinutes(16),
                    YEAR);
        }
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            // paid 16 minutes ago: mailed; paid 14 minutes ago: not yet (the task runs every 3 s in the tests)
            assertThat(mail.awaitMessagesTo("actsixteen@example.org", 1, Duration.ofSeconds(90)))
                    .hasSize(1);
            server.awaitMailTaskRuns(2);
            assertThat(mail.messagesTo("actfourteen@example.org")).isEmpty();
            assertThat(Students.state(realm, "actfourteen")).isEqualTo("PENDING");

            // two minutes later on the server's clock, without any sync, the email goes out, once — also when the
            // account is not in Keycloak's user cache, so that loading it computes a state that differs from the
            // stored one (the load used to write it, and the link's own transaction then waited on that write)
            realm.clearUserCache();
            server.setClockOffset(Duration.ofMinutes(2));
            assertThat(mail.awaitMessagesTo("actfourteen@example.org", 1, Duration.ofSeconds(90)))
                    .hasSize(1);
            server.awaitMailTaskRuns(2);
            assertThat(mail.messagesTo("actfourteen@example.org")).hasSize(1);
            assertThat(mail.messagesTo("actsixteen@example.org")).hasSize(1);
            assertThat(Students.state(server.admin().realm(KeycloakServer.REALM), "actfourteen"))
                    .isEqualTo("ACTIVATABLE");
        } finally {
            server.setClockOffset(Duration.ZERO);
            Students.forget(server.admin().realm(KeycloakServer.REALM), database, "actfourteen", "actsixteen");
        }
    }

    @Test
    void noStepCanBeSkippedByPostingToALaterOne(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, WebDriver browser) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try {
            importPaidStudent(realm, database, "70000009", "actskip", "Sam", "Sauteur");
            String link = firstLink(mail, "actskip");
            browser.get(link);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            new ActivationJourney(browser).start();
            WebElement charter = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-charter")));
            String action = charter.getAttribute("action");
            assertThat(action).contains("execution=ent-accept-charter");

            // the summary's button, sent while the charter is still unanswered
            ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript(
                            "const form = document.getElementById('ent-charter');"
                                    + "form.action = arguments[0]; form.submit();",
                            action.replace("execution=ent-accept-charter", "execution=ent-activation-summary"));
            wait.until(ExpectedConditions.stalenessOf(charter));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")));

            UserRepresentation student = Students.user(realm, "actskip");
            assertThat(student.getAttributes().get("entAccountState")).containsExactly("ACTIVATABLE");
            assertThat(student.getAttributes()).doesNotContainKey("entCharterAcceptedAt");
            assertThat(realm.users().get(student.getId()).credentials()).isEmpty();
        } finally {
            Students.forget(realm, database, "actskip");
        }
    }

    @Test
    void anEditedLinkOrAnotherStudentsLinkOpensNothing(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, WebDriver browser) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try {
            importPaidStudent(realm, database, "70000010", "actedit", "Eda", "Modifié");
            String link = firstLink(mail, "actedit");
            // the token's payload rewritten to name another account: its signature no longer matches
            Matcher key = Pattern.compile("key=([^.&]+)\\.([^.&]+)\\.([^&]+)").matcher(link);
            assertThat(key.find()).isTrue();
            String payload = new String(java.util.Base64.getUrlDecoder().decode(key.group(2)), "UTF-8");
            String otherId =
                    Students.user(realm, "actedit").getId().replace('a', 'b').replace('1', '2');
            String forged = java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(payload.replaceAll("\"sub\":\"[^\"]+\"", "\"sub\":\"" + otherId + "\"")
                            .getBytes("UTF-8"));
            browser.get(link.replace(key.group(2), forged));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")));
            assertThat(browser.findElements(By.id("ent-start"))).isEmpty();

            // a truncated signature
            browser.manage().deleteAllCookies();
            browser.get(link.substring(0, link.indexOf("&") > 0 ? link.indexOf("&") - 4 : link.length() - 4));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")));
            assertThat(browser.findElements(By.id("ent-start"))).isEmpty();
            assertThat(Students.state(realm, "actedit")).isEqualTo("ACTIVATABLE");

            // the genuine link still works: nothing was consumed
            browser.manage().deleteAllCookies();
            browser.get(link);
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-username")))
                            .getText())
                    .isEqualTo("actedit");
        } finally {
            Students.forget(realm, database, "actedit");
        }
    }

    /** A student who paid yesterday, imported by a full sync: activatable at once. */
    private static void importPaidStudent(
            RealmResource realm, EnrolmentDatabase database, String number, String login, String first, String last)
            throws Exception {
        Students.insertPaid(database, number, login, first, last);
        realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
    }

    /** The link of the first email the student received (the automatic activation email). */
    private static String firstLink(MailServer mail, String login) {
        return link(mail.awaitMessagesTo(login + "@example.org", 1, Duration.ofSeconds(90))
                .get(0));
    }

    /** The helpdesk's "send a new activation link", through the admin REST API of the pack. */
    private static jakarta.ws.rs.core.Response helpdeskSendsLink(KeycloakServer server, String userId)
            throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(server.baseUrl() + "/admin/realms/" + KeycloakServer.REALM
                                                + "/ent-activation/users/" + userId + "/activation-link"))
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + server.admin().tokenManager().getAccessTokenString())
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        return jakarta.ws.rs.core.Response.status(response.statusCode()).build();
    }

    private static String link(ReceivedMail mail) {
        Matcher matcher = LINK.matcher(mail.text());
        assertThat(matcher.find()).as("an activation link in %s", mail.text()).isTrue();
        return matcher.group(1);
    }
}
