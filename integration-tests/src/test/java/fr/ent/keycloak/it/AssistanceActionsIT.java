package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.ActivationJourney;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.Operators;
import fr.ent.keycloak.it.support.PageChecks;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.Students;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The assistance console's actions as an operator uses them, in Chromium: each one confirmed with a reason, allowed by
 * the lifecycle only (a reset link for an active student, a new activation link for an activatable one), recorded as
 * an admin event naming the operator and the reason; the daily email quota and its clearing; signing a student out
 * everywhere; a form that did not come from the console is refused and does nothing.
 */
@EntServerTest
class AssistanceActionsIT {

    private static final String STUDENT_PASSWORD = "Hibou-Cobalt-Lanterne-47";
    private static final String ADDRESS = "acnina@example.org";

    @Test
    void everyActionIsConfirmedWithAReasonAndRecordedUnderTheOperatorsName(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String operator = Operators.create(realm, "op-act1");
        Students.insertPaid(database, "71910001", "acnina", "Nina", "Guichet");
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            // the automatic activation email: the first of the student's 3 emails of the day
            mail.awaitMessagesTo(ADDRESS, 1, Duration.ofSeconds(90));
            String id = Students.user(realm, "acnina").getId();
            String card = server.realmUrl() + "/ent-assistance/students/" + id;
            Operators.signIn(browser, card, "op-act1", Operators.PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-card-actions")));
            PageChecks pages = new PageChecks(browser, true);
            pages.check("assistance-card-actions");

            // an activatable student: a new link is offered, a reset link is not (and says why)
            assertThat(browser.findElements(By.cssSelector("#ent-action-reset-link a")))
                    .isEmpty();
            assertThat(browser.findElement(By.id("ent-action-reset-link")).getText())
                    .contains("Possible seulement pour un compte « Actif »");

            // confirmed only with a reason
            Operators.act(browser, "new-link", "  ");
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-action-reason-error")))
                            .getText())
                    .contains("Indiquez le motif");
            pages.check("assistance-action-reason-missing");
            assertThat(mail.messagesTo(ADDRESS)).hasSize(1);
            retype(browser, "Appel du 01/12 :\n courriel non reçu");
            assertThat(done(wait)).contains("nouveau lien d'activation est parti");
            ReceivedMail second =
                    mail.awaitMessagesTo(ADDRESS, 2, Duration.ofSeconds(60)).get(1);
            assertThat(ActivationJourney.link(second)).contains("action-token");

            AdminEventRepresentation event = lastAction(realm, id);
            assertThat(event.getAuthDetails().getUserId()).isEqualTo(operator);
            assertThat(event.getDetails())
                    .containsEntry("entAction", "new-link")
                    .containsEntry("entOutcome", "DONE")
                    .containsEntry("entStudentNumber", "71910001")
                    .containsEntry("entReason", "Appel du 01/12 : courriel non reçu");
            assertThat(server.tail(0, 100_000)).doesNotContain("courriel non reçu");

            // the third email of the day, then the quota: nothing goes, the operator is told, until limits are cleared
            Operators.act(browser, "new-link", "Deuxième appel");
            assertThat(done(wait)).contains("nouveau lien");
            mail.awaitMessagesTo(ADDRESS, 3, Duration.ofSeconds(60));
            Operators.act(browser, "new-link", "Troisième appel");
            assertThat(done(wait)).contains("Rien n'est parti");
            assertThat(lastAction(realm, id).getDetails()).containsEntry("entOutcome", "THROTTLED");
            Operators.act(browser, "clear-limits", "Identité vérifiée au guichet");
            assertThat(done(wait)).contains("limites");
            Operators.act(browser, "new-link", "Après levée des limites");
            assertThat(done(wait)).contains("nouveau lien");
            mail.awaitMessagesTo(ADDRESS, 4, Duration.ofSeconds(60));

            // an active student with a session: a reset link is offered now, a new activation link is not
            Students.activate(server, "acnina", STUDENT_PASSWORD);
            assertThat(Students.signIn(server, "acnina", STUDENT_PASSWORD)).isEqualTo(200);
            assertThat(realm.users().get(id).getUserSessions()).isNotEmpty();
            browser.get(card);
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-action-new-link")))
                            .findElements(By.tagName("a")))
                    .isEmpty();
            // and the server refuses it whatever the page offers: the confirmation says why, a genuine form is refused
            browser.get(card + "/actions/new-link");
            assertThat(done(wait)).contains("Possible seulement pour un étudiant « Activable »");
            browser.get(card + "/actions/sign-out");
            String token = wait.until(ExpectedConditions.presenceOfElementLocated(By.name("ent_form_token")))
                    .getAttribute("value");
            HttpResponse<String> refused =
                    post(card + "/actions/new-link", Operators.cookies(browser), token, "Lien demandé quand même");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("Possible seulement pour un étudiant");
            assertThat(mail.messagesTo(ADDRESS)).hasSize(4);
            browser.get(card);
            Operators.act(browser, "sign-out", "Ordinateur perdu, demande de l'étudiante");
            assertThat(done(wait)).contains("déconnecté partout");
            assertThat(realm.users().get(id).getUserSessions()).isEmpty();
            Operators.act(browser, "reset-link", "Mot de passe oublié, appel");
            assertThat(done(wait)).contains("changement de mot de passe est parti");
            ReceivedMail reset =
                    mail.awaitMessagesTo(ADDRESS, 5, Duration.ofSeconds(60)).get(4);
            assertThat(reset.subject()).isNotEqualTo(second.subject());
            assertThat(reset.text()).contains("action-token");
            assertThat(lastAction(realm, id).getDetails()).containsEntry("entAction", "reset-link");

            // the card's timeline tells the story, with the operator's login and without the reasons typed
            browser.get(card);
            String timeline = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-card-timeline")))
                    .getText();
            assertThat(timeline)
                    .contains(
                            "Compte importé de la base des inscriptions",
                            "Premier courriel d'activation envoyé",
                            "Assistance (op-act1) : nouveau lien d'activation envoyé",
                            "Assistance (op-act1) : nouveau lien demandé, non envoyé",
                            "Assistance (op-act1) : limites de « 1ère connexion » levées",
                            "Assistance (op-act1) : étudiant déconnecté partout",
                            "Assistance (op-act1) : lien de changement de mot de passe envoyé",
                            "Connexion")
                    .doesNotContain("courriel non reçu")
                    .doesNotContain(ADDRESS);
            assertThat(timeline.indexOf("lien de changement de mot de passe"))
                    .as("newest first")
                    .isLessThan(timeline.indexOf("Compte importé"));
            pages.check("assistance-card-timeline");

            // the start-of-term dashboard counts this student among the active ones, activated today
            browser.get(server.realmUrl() + "/ent-assistance");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-dashboard-link")))
                    .click();
            // pictures first (drawn by the server, no script), on the width of a desktop screen, not the sign-in card
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-dashboard-states-chart")));
            assertThat(browser.findElement(By.cssSelector(".pf-v5-c-login__container"))
                            .getSize()
                            .getWidth())
                    .as("the console uses the width of a 1280 px screen")
                    .isGreaterThan(900);
            assertThat(browser.findElements(By.cssSelector("#ent-dashboard-states-chart rect")))
                    .hasSize(4);
            assertThat(Double.parseDouble(browser.findElements(By.cssSelector("#ent-dashboard-states-chart rect"))
                            .get(2)
                            .getAttribute("width")))
                    .as("the bar of the active students")
                    .isPositive();
            assertThat(browser.findElements(By.cssSelector("#ent-dashboard-funnel rect")))
                    .hasSize(3);
            assertThat(browser.findElements(By.cssSelector("#ent-dashboard-days-chart rect")))
                    .hasSize(14);
            pages.check("assistance-dashboard");
            // the figures, under "Les chiffres"
            for (org.openqa.selenium.WebElement figures :
                    browser.findElements(By.cssSelector("details.ent-figures summary"))) {
                figures.click();
            }
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-dashboard-states-table")));
            assertThat(browser.findElements(By.cssSelector("#ent-dashboard-states-table tbody tr")))
                    .hasSize(4);
            assertThat(number(browser, "#ent-dashboard-state-ACTIVE td")).isPositive();
            assertThat(number(browser, "#ent-dashboard-activated")).isPositive();
            assertThat(number(browser, "#ent-dashboard-mailed")).isPositive();
            List<org.openqa.selenium.WebElement> days =
                    browser.findElements(By.cssSelector("#ent-dashboard-days-table tbody tr td"));
            assertThat(days).hasSize(14);
            assertThat(Long.parseLong(days.get(13).getText().replaceAll("\\D", "")))
                    .isPositive();
            assertThat(pages.problems()).isEmpty();
        } finally {
            realm.users().delete(operator).close();
            Students.forget(realm, database, "acnina");
        }
    }

    @Test
    void aFormThatDidNotComeFromTheConsoleDoesNothing(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String operator = Operators.create(realm, "op-act2");
        Students.insertPaid(database, "71910002", "acomar", "Omar", "Forgé");
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            mail.awaitMessagesTo("acomar@example.org", 1, Duration.ofSeconds(90));
            String id = Students.user(realm, "acomar").getId();
            String action = server.realmUrl() + "/ent-assistance/students/" + id + "/actions/new-link";
            Operators.signIn(browser, action, "op-act2", Operators.PASSWORD);
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-action-form")));
            int eventsBefore = actions(realm, id).size();

            // the operator's own sign-in cookie rides along, as it would on a page of another site
            String cookies = Operators.cookies(browser);
            for (String token : new String[] {null, "", "forged-token-value"}) {
                HttpResponse<String> forged = post(action, cookies, token, "Motif plausible");
                assertThat(forged.statusCode()).as("token %s", token).isEqualTo(403);
                assertThat(forged.body()).contains("ne vient pas de la console d");
            }
            // without any sign-in, the login page answers and nothing is done
            HttpResponse<String> anonymous = post(action, "", "x", "Motif plausible");
            assertThat(anonymous.statusCode()).isEqualTo(303);
            assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("openid-connect/auth");

            // the operator's sign-in opens nothing in another realm
            HttpResponse<String> master = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/realms/master/ent-assistance"))
                                    .header("Cookie", cookies)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(master.statusCode()).isNotEqualTo(200);
            assertThat(master.body()).doesNotContain("ent-assistance-q");

            assertThat(actions(realm, id)).hasSize(eventsBefore);
            assertThat(mail.messagesTo("acomar@example.org")).hasSize(1);
        } finally {
            realm.users().delete(operator).close();
            Students.forget(realm, database, "acomar");
        }
    }

    /**
     * A stolen operator session cannot act without end: past the operator's actions of the hour (a console setting,
     * here 2) the console does nothing, says why, and records nothing.
     */
    @Test
    void anOperatorsActionsAreLimitedPerHour(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, WebDriver browser) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        java.util.Map<String, String> before = fr.ent.keycloak.it.support.LifecycleConsole.read(realm);
        String operator = Operators.create(realm, "op-act4");
        Students.insertPaid(database, "71910004", "aclimit", "Léna", "Limite");
        try {
            fr.ent.keycloak.it.support.LifecycleConsole.save(realm, before, "entAssistanceActionsPerHour", "2");
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            String id = Students.user(realm, "aclimit").getId();
            Operators.signIn(
                    browser, server.realmUrl() + "/ent-assistance/students/" + id, "op-act4", Operators.PASSWORD);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            for (int i = 1; i <= 2; i++) {
                Operators.act(browser, "clear-limits", "Essai " + i + " : vérification au guichet");
                assertThat(done(wait)).doesNotContain("limite d'actions");
            }
            int recorded = actions(realm, id).size();
            Operators.act(browser, "sign-out", "Essai 3 : déconnexion demandée");
            assertThat(done(wait)).contains("limite d'actions de l'heure");
            assertThat(actions(realm, id)).hasSize(recorded);
        } finally {
            fr.ent.keycloak.it.support.LifecycleConsole.restore(realm, before);
            realm.users().delete(operator).close();
            Students.forget(realm, database, "aclimit");
        }
    }

    @Test
    void anAssistanceCodeOpensTheActivationInTheStudentsBrowserWithoutAnyEmail(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String operator = Operators.create(realm, "op-act3");
        Students.insertPaid(database, "71910003", "acpaul", "Paul", "Sansadresse");
        WebDriver student = null;
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            // the automatic email went to an address the student cannot read
            mail.awaitMessagesTo("acpaul@example.org", 1, Duration.ofSeconds(90));
            String id = Students.user(realm, "acpaul").getId();
            // someone who knows the student number uses up the student's birth-date attempts of "1ère connexion"
            long position = server.logPosition();
            fr.ent.keycloak.it.support.FirstConnectionForm stranger =
                    new fr.ent.keycloak.it.support.FirstConnectionForm(server.realmUrl());
            for (int i = 0; i < 6; i++) {
                assertThat(stranger.submit("71910003", "01/01/2000").statusCode())
                        .isEqualTo(200);
            }
            server.awaitLogLine(position, "student 71910003 reached the limit of failed attempts");
            Operators.signIn(
                    browser, server.realmUrl() + "/ent-assistance/students/" + id, "op-act3", Operators.PASSWORD);
            Operators.act(browser, "issue-code", "Adresse personnelle erronée, identité vérifiée au guichet");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            String code = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-code-value")))
                    .getText();
            assertThat(code).matches("[A-HJ-KMNP-Z2-9]{4}-[A-HJ-KMNP-Z2-9]{4}");
            new PageChecks(browser, true).check("assistance-code");
            AdminEventRepresentation issued = lastAction(realm, id);
            assertThat(issued.getDetails()).containsEntry("entAction", "issue-code");
            assertThat(issued.getDetails().values()).noneMatch(value -> value.contains(code.substring(0, 4)));
            assertThat(server.tail(0, 100_000)).doesNotContain(code).doesNotContain(code.replace("-", ""));

            // the student, in their own browser: "1ère connexion" → "J'ai un code d'assistance"
            student = fr.ent.keycloak.it.support.Browser.open();
            student.get(server.realmUrl() + "/ent-first-connection");
            WebDriverWait studentWait = new WebDriverWait(student, Duration.ofSeconds(30));
            studentWait
                    .until(ExpectedConditions.elementToBeClickable(By.id("ent-have-code-link")))
                    .click();
            PageChecks studentPages = new PageChecks(student, true);
            // a wrong code: the same answer as for a student who does not exist
            typeCode(student, "71910003", "14/03/2006", "ABCD-EFGH");
            String refused = studentWait
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-code-form")))
                    .findElement(By.xpath("//body"))
                    .getText();
            assertThat(refused).contains("ne permettent pas d'ouvrir l'activation");
            studentPages.check("first-connection-code-refused");
            typeCode(student, "99999999", "14/03/2006", code);
            assertThat(studentWait
                            .until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")))
                            .getText())
                    .contains("ne permettent pas d'ouvrir l'activation");
            // the right one, typed in lower case without the dash: straight into the journey (the code has its own
            // attempts: the birth-date failures used up by someone else do not stop it)
            typeCode(
                    student,
                    "71910003",
                    "14/03/2006",
                    code.toLowerCase(java.util.Locale.ROOT).replace("-", ""));
            ActivationJourney journey = new ActivationJourney(student);
            assertThat(journey.firstPage()).isEqualTo("acpaul");
            assertThat(journey.upToSummary(STUDENT_PASSWORD).activate()).contains("mis à jour");
            assertThat(Students.state(realm, "acpaul")).isEqualTo("ACTIVE");
            assertThat(Students.signIn(server, "acpaul", STUDENT_PASSWORD)).isEqualTo(200);
            browser.get(server.realmUrl() + "/ent-assistance/students/" + id);
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-card-timeline")))
                            .getText())
                    .contains(
                            "Assistance (op-act3) : code d'assistance donné",
                            "Code d'assistance ou date de naissance refusé",
                            "Code d'assistance accepté : activation ouverte",
                            "Charte acceptée (version",
                            "Compte activé");
            // no activation link was mailed for it; the code is used up
            assertThat(mail.messagesTo("acpaul@example.org").stream()
                            .filter(message -> message.text().contains("action-token"))
                            .count())
                    .isEqualTo(1);
            student.manage().deleteAllCookies();
            student.get(server.realmUrl() + "/ent-first-connection/code");
            typeCode(student, "71910003", "14/03/2006", code);
            assertThat(studentWait
                            .until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")))
                            .getText())
                    .contains("ne permettent pas d'ouvrir l'activation");
            assertThat(studentPages.problems()).isEmpty();
        } finally {
            if (student != null) {
                student.quit();
            }
            realm.users().delete(operator).close();
            Students.forget(realm, database, "acpaul");
        }
    }

    private static void typeCode(WebDriver browser, String number, String birthDate, String code) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        for (String[] field : new String[][] {{"identifier", number}, {"birthDate", birthDate}, {"code", code}}) {
            org.openqa.selenium.WebElement input =
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(field[0])));
            input.clear();
            input.sendKeys(field[1]);
        }
        org.openqa.selenium.WebElement send = browser.findElement(By.id("ent-code-send"));
        send.click();
        wait.until(ExpectedConditions.stalenessOf(send));
        // answered at once: "Continuer" until the background check has its outcome
        for (int i = 0;
                i < 30 && !browser.findElements(By.id("ent-code-continue")).isEmpty();
                i++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            org.openqa.selenium.WebElement next = browser.findElement(By.id("ent-code-continue"));
            next.click();
            wait.until(ExpectedConditions.stalenessOf(next));
        }
    }

    /** On a confirmation page shown again with an error: types the reason again and confirms. */
    private static void retype(WebDriver browser, String reason) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-action-reason")))
                .clear();
        browser.findElement(By.id("ent-action-reason")).sendKeys(reason);
        browser.findElement(By.id("ent-action-confirm")).click();
    }

    private static long number(WebDriver browser, String css) {
        return Long.parseLong(browser.findElement(By.cssSelector(css)).getText().replaceAll("\\D", ""));
    }

    private static String done(WebDriverWait wait) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-assistance-done")))
                .getText();
    }

    private static List<AdminEventRepresentation> actions(RealmResource realm, String userId) {
        return realm.getAdminEvents(
                List.of("ACTION"), null, null, null, null, "users/" + userId, null, null, null, 0, 100);
    }

    private static AdminEventRepresentation lastAction(RealmResource realm, String userId) {
        List<AdminEventRepresentation> events = actions(realm, userId);
        assertThat(events).isNotEmpty();
        // newest first
        return events.get(0);
    }

    private static HttpResponse<String> post(String url, String cookies, String token, String reason) throws Exception {
        StringBuilder body = new StringBuilder("reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
        if (token != null) {
            body.append("&ent_form_token=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://attacker.example")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
