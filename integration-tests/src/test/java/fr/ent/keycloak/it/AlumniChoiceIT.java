package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.LifecycleConsole;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.Operators;
import fr.ent.keycloak.it.support.PageChecks;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.Students;
import fr.ent.keycloak.it.support.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The alumni choice (issue 17), with the server's clock moved through the weeks before the end of access (31 December
 * of the year the last academic year ends, Paris time) and real syncs of the enrolment database on PostgreSQL: off by
 * default; once a realm turns it on, a student who did not enrol again is mailed a single-use link 45 days before the
 * end; a yes keeps the account one more year ({COMPTE}A:SupannSursis for the services, on the helpdesk's card) and is asked again
 * the next year; a no or silence lets the account close on the plain 31 December.
 */
@EntServerTest
class AlumniChoiceIT {

    private static final String PASSWORD = "Girafe-trombone-lanterne-8";
    private static final String OFFER = "[ENT] Garder votre compte informatique un an de plus ?";
    private static final String WARNING = "[ENT] Votre compte informatique fermera le 31 décembre";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/ent-alumni\\?key=[A-Za-z0-9._-]+");

    /** The academic year whose access ends at the end of this calendar year. */
    private static final int LEAVING = Students.LEAVING_YEAR;
    /** The first instant without access for the students leaving: 1 January next year, midnight Paris time. */
    private static final Instant END = Students.LEAVING_ACCESS_ENDS;

    @Test
    void aYesKeepsTheAccountOneMoreYearAndIsAskedAgainTheNextYear(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String component = Students.component(realm, "enrolment");
        Map<String, String> before = LifecycleConsole.read(realm);
        insertLeaving(database, "71960001", "alyes", "Yanis");
        try {
            beforeEveryWindow(server);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            Students.activate(server, "alyes", PASSWORD);
            // 46 days before the end: too early, nothing is asked
            LifecycleConsole.save(realm, before, "entAlumniChoice", "true");
            server.awaitMailTaskRuns(2);
            assertThat(mail.messagesTo("alyes@example.org", OFFER)).isEmpty();

            // 44 days before: the offer, with the end and the day a yes keeps the account until
            moveClockTo(server, END.minus(Duration.ofDays(44)));
            ReceivedMail offer = mail.awaitSubject("alyes@example.org", OFFER, Duration.ofSeconds(60));
            assertThat(offer.text())
                    .contains("alyes")
                    .contains("31/12/" + (LEAVING + 1))
                    .contains("31/12/" + (LEAVING + 2));
            String link = link(offer);

            // the page shows the choice; only the student's answer counts
            // (each page a student sees passes axe-core's WCAG 2.1 AA rules and reflows at 320 px)
            PageChecks pages = new PageChecks(browser, false);
            browser.get(link);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-alumni-keep")));
            pages.check("alumni-choice");
            browser.findElement(By.id("ent-alumni-keep")).click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-alumni-answer")))
                            .getText())
                    .contains("31/12/" + (LEAVING + 2));
            pages.check("alumni-kept");
            assertThat(pages.problems()).isEmpty();
            UserRepresentation kept = Students.user(realm, "alyes");
            assertThat(kept.getAttributes())
                    .containsEntry("entAlumniUntil", List.of((LEAVING + 2) + "-12-31"))
                    .containsEntry("entAlumniChoice", List.of("YES"))
                    .containsEntry("entAlumniChoiceFor", List.of((LEAVING + 1) + "-12-31"));

            // the link works once: opened again, it shows the answer; sent again, it changes nothing
            browser.get(link);
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-alumni")))
                            .getAttribute("data-ent-alumni"))
                    .isEqualTo("answered");
            assertThat(post(link, "close").statusCode()).isEqualTo(200);
            assertThat(Students.user(realm, "alyes").getAttributes())
                    .containsEntry("entAlumniChoice", List.of("YES"))
                    .containsEntry("entAlumniUntil", List.of((LEAVING + 2) + "-12-31"));

            // the helpdesk's card shows the choice, and the state the services read: a grace period of an active
            // account
            String operatorId = Operators.create(realm, "op-alumni1");
            try {
                Operators.signIn(
                        browser,
                        server.realmUrl() + "/ent-assistance/students/" + kept.getId(),
                        "op-alumni1",
                        Operators.PASSWORD);
                assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-card-alumni")))
                                .getText())
                        .contains("31/12/" + (LEAVING + 2));
                assertThat(browser.findElement(By.id("ent-card-alumni")).getAttribute("data-ent-alumni"))
                        .isEqualTo("YES");
                assertThat(browser.findElement(By.id("ent-card-supann")).getText())
                        .isEqualTo("{COMPTE}A:SupannSursis:" + (LEAVING + 2) + "0101:" + (LEAVING + 2) + "1231");
                assertThat(browser.findElement(By.id("ent-card-end")).getText()).isEqualTo("31/12/" + (LEAVING + 2));

                // ten days before the plain end: no expiry warning for the kept account; the dashboard counts the
                // accounts ending within 30 days by their real end
                moveClockTo(server, END.minus(Duration.ofDays(10)));
                server.awaitMailTaskRuns(2);
                assertThat(mail.messagesTo("alyes@example.org", WARNING)).isEmpty();
                // (the operator's session did not outlive the clock's move: signed in again)
                browser.manage().deleteAllCookies();
                Operators.signIn(
                        browser, server.realmUrl() + "/ent-assistance/dashboard", "op-alumni1", Operators.PASSWORD);
                assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-dashboard-ending")))
                                .getText())
                        .matches("\\d+");
            } finally {
                realm.users().get(operatorId).remove();
            }

            // a minute after the plain end: the sync keeps the account open, the student signs in
            moveClockTo(server, END.plusSeconds(60));
            realm = server.admin().realm(KeycloakServer.REALM);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            UserRepresentation open = Students.user(realm, "alyes");
            assertThat(open.isEnabled()).isTrue();
            assertThat(open.getAttributes()).containsEntry("entAccountState", List.of("ACTIVE"));
            assertThat(Students.signIn(server, "alyes", PASSWORD)).isEqualTo(200);
            // services are told a former student now: alum, never student (a student-only service must refuse)
            String claims = supannClaims(server, realm, "alyes");
            assertThat(claims)
                    .contains("\"eduPersonAffiliation\":[\"alum\"]")
                    .contains("\"eduPersonPrimaryAffiliation\":\"alum\"")
                    .doesNotContain("\"student\"");

            // asked again the next year, 44 days before the new end
            Instant newEnd = LocalDate.of(LEAVING + 3, 1, 1).atStartOfDay(PARIS).toInstant();
            moveClockTo(server, newEnd.minus(Duration.ofDays(44)));
            List<ReceivedMail> offers = awaitCount(mail, "alyes@example.org", OFFER, 2);
            assertThat(offers.get(1).text()).contains("31/12/" + (LEAVING + 2)).contains("31/12/" + (LEAVING + 3));

            // no answer this time: a minute after the new end, the sync closes the account and removes its data; it is
            // also 12 months and a minute after the plain end, yet the account is kept: the retention counts from the
            // end of the extension
            moveClockTo(server, newEnd.plusSeconds(60));
            realm = server.admin().realm(KeycloakServer.REALM);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            UserRepresentation closed = Students.user(realm, "alyes");
            assertThat(closed.isEnabled()).isFalse();
            assertThat(closed.getAttributes())
                    .containsEntry("entAccountState", List.of("EXPIRED"))
                    .containsKey("entMinimisedAt")
                    .doesNotContainKey("supannMailPerso");
            assertThat(Students.signIn(server, "alyes", PASSWORD)).isBetween(400, 401);
        } finally {
            server.setClockOffset(Duration.ZERO);
            LifecycleConsole.restore(server.admin().realm(KeycloakServer.REALM), before);
            Students.forget(server.admin().realm(KeycloakServer.REALM), database, "alyes");
        }
    }

    @Test
    void offByDefaultThenANoOrSilenceLetsTheAccountCloseOnThePlainEnd(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String component = Students.component(realm, "enrolment");
        Map<String, String> before = LifecycleConsole.read(realm);
        insertLeaving(database, "71960011", "alno", "Noémie");
        insertLeaving(database, "71960012", "alsilent", "Sacha");
        try {
            beforeEveryWindow(server);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            Students.activate(server, "alno", PASSWORD);
            Students.activate(server, "alsilent", PASSWORD);

            // the realm does not offer the choice (the default): nothing is asked
            moveClockTo(server, END.minus(Duration.ofDays(44)));
            server.awaitMailTaskRuns(2);
            assertThat(mail.messagesTo("alno@example.org", OFFER)).isEmpty();
            assertThat(mail.messagesTo("alsilent@example.org", OFFER)).isEmpty();

            // turned on: both are asked
            LifecycleConsole.save(realm, before, "entAlumniChoice", "true");
            String noLink = link(mail.awaitSubject("alno@example.org", OFFER, Duration.ofSeconds(60)));
            String silentLink = link(mail.awaitSubject("alsilent@example.org", OFFER, Duration.ofSeconds(60)));

            // a link that is not one: a page that says so, in French, never an error of the server
            HttpResponse<String> forged = get(silentLink.substring(0, silentLink.length() - 6) + "AAAAAA");
            assertThat(forged.statusCode()).isEqualTo(400);
            assertThat(forged.body()).contains("pas valable").doesNotContain("Exception");
            assertThat(get(server.realmUrl() + "/ent-alumni").statusCode()).isEqualTo(400);
            // opening the real link (as a mail scanner would) answers nothing
            assertThat(get(silentLink).body()).contains("ent-alumni-keep");
            assertThat(Students.user(realm, "alsilent").getAttributes()).doesNotContainKey("entAlumniChoice");

            // no: the page says the account closes on the plain end
            browser.get(noLink);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-alumni-close")))
                    .click();
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-alumni-answer")))
                            .getText())
                    .contains("31/12/" + (LEAVING + 1));
            PageChecks pages = new PageChecks(browser, false);
            pages.check("alumni-closed");
            browser.get(server.realmUrl() + "/ent-alumni?key=not-a-link");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-alumni-answer")));
            pages.check("alumni-invalid");
            assertThat(pages.problems()).isEmpty();
            assertThat(Students.user(realm, "alno").getAttributes())
                    .containsEntry("entAlumniChoice", List.of("NO"))
                    .doesNotContainKey("entAlumniUntil");

            // the expiry warning, 29 days before: recalls the no; carries a new link to the one who did not answer
            moveClockTo(server, END.minus(Duration.ofDays(29)));
            ReceivedMail noWarning = mail.awaitSubject("alno@example.org", WARNING, Duration.ofSeconds(60));
            assertThat(noWarning.text()).contains("Vous avez choisi de ne pas garder votre compte");
            assertThat(LINK.matcher(noWarning.text()).find()).isFalse();
            ReceivedMail silentWarning = mail.awaitSubject("alsilent@example.org", WARNING, Duration.ofSeconds(60));
            assertThat(link(silentWarning)).isNotEqualTo(silentLink);
            assertThat(silentWarning.text()).contains("31/12/" + (LEAVING + 2));

            // a minute after the end: both closed on the plain 31 December
            moveClockTo(server, END.plusSeconds(60));
            realm = server.admin().realm(KeycloakServer.REALM);
            realm.userStorage().syncUsers(component, "triggerFullSync");
            for (String login : List.of("alno", "alsilent")) {
                UserRepresentation closed = Students.user(realm, login);
                assertThat(closed.isEnabled()).as(login).isFalse();
                assertThat(closed.getAttributes()).as(login).containsEntry("entAccountState", List.of("EXPIRED"));
            }
            // and the unanswered link no longer opens a choice
            assertThat(get(silentLink).body()).doesNotContain("ent-alumni-keep");
        } finally {
            server.setClockOffset(Duration.ZERO);
            LifecycleConsole.restore(server.admin().realm(KeycloakServer.REALM), before);
            Students.forget(server.admin().realm(KeycloakServer.REALM), database, "alno", "alsilent");
        }
    }

    private static void insertLeaving(EnrolmentDatabase database, String number, String login, String first)
            throws Exception {
        try (Connection connection = database.connect()) {
            Students.insert(
                    connection,
                    "ent_enrolment",
                    number,
                    login,
                    first,
                    "Ancien",
                    OffsetDateTime.now(ZoneOffset.UTC).minusDays(200),
                    LEAVING);
        }
    }

    /**
     * Moves the clock to 46 days before the end, before the students are imported and activated: outside the alumni
     * offer's 45 days and the expiry warning's 30. Run at the real time, from mid-November the offer, and from 2
     * December (Paris) the plain warning, would go out as soon as a student is active, before the test turns the
     * choice on (the warning then sent without it is the one the test later reads).
     */
    private static void beforeEveryWindow(KeycloakServer server) {
        moveClockTo(server, END.minus(Duration.ofDays(46)));
    }

    /** The access token's claims (JSON) of a password grant asking the {@code supann} scope, by a client of the test. */
    private static String supannClaims(KeycloakServer server, RealmResource realm, String username) throws Exception {
        String id = Tokens.directGrantClient(realm, "it-alumni-service", List.of("supann"));
        try {
            return Tokens.claims(Tokens.accessToken(server, "it-alumni-service", username, PASSWORD, "openid supann"));
        } finally {
            realm.clients().get(id).remove();
        }
    }

    private static void moveClockTo(KeycloakServer server, Instant at) {
        server.setClockOffset(Duration.between(Instant.now(), at));
    }

    private static String link(ReceivedMail mail) {
        Matcher found = LINK.matcher(mail.text());
        assertThat(found.find())
                .as("a link to the alumni choice in: %s", mail.text())
                .isTrue();
        return found.group();
    }

    private static List<ReceivedMail> awaitCount(MailServer mail, String address, String subject, int count)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        List<ReceivedMail> found = mail.messagesTo(address, subject);
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            found = mail.messagesTo(address, subject);
        }
        assertThat(found).hasSize(count);
        return found;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String link, String choice) throws Exception {
        URI uri = URI.create(link);
        String key = uri.getRawQuery().substring("key=".length());
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        new URI(uri.getScheme(), uri.getRawAuthority(), uri.getPath(), null, null))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("key=" + key + "&choice=" + choice))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
