package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.ActivationJourney;
import fr.ent.keycloak.it.support.Browser;
import fr.ent.keycloak.it.support.Cluster;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.FirstConnectionForm;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.LifecycleConsole;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.RunsAlongside;
import fr.ent.keycloak.it.support.Students;
import fr.ent.keycloak.it.support.UserEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pack in a two-node Keycloak cluster on this machine (shared PostgreSQL, Infinispan with jdbc-ping, a load
 * balancer in front): one cluster view; an activation link issued on one node finishes on the other and is refused
 * when replayed; "1ère connexion" limits count across nodes; one sync at a time; a sign-in import racing a full sync
 * leaves one account; the alumni offer goes out once and two answers at once on two nodes count once; a node killed
 * during an activation leaves nothing half-done, and the student finishes on the other node.
 */
@EntServerTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@RunsAlongside
// beside the shared server's classes, one such class at a time; its own tests one after another, in this thread
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(RunsAlongside.SERVERS_OF_THEIR_OWN)
class ClusterIT {

    private static final Pattern LINK =
            Pattern.compile("(http://localhost:\\d+/realms/ent/login-actions/action-token\\?\\S+)");
    private static final String PASSWORD = "Girafe-trombone-lanterne-8";
    private static final int YEAR = Students.CURRENT_ACADEMIC_YEAR;
    private static final String ALUMNI_OFFER = "[ENT] Garder votre compte informatique un an de plus ?";
    private static final Pattern ALUMNI_KEY = Pattern.compile("/ent-alumni\\?key=([A-Za-z0-9._-]+)");

    private static Cluster cluster;

    @BeforeAll
    static void startCluster(EnrolmentDatabase database, MailServer mail) {
        cluster = Cluster.start(database, mail);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(1)
    void bothNodesSeeOneClusterOfTwoMembers() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!(Cluster.seesTwoMembers(cluster.nodeA()) && Cluster.seesTwoMembers(cluster.nodeB()))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(Cluster.seesTwoMembers(cluster.nodeA())).isTrue();
        assertThat(Cluster.seesTwoMembers(cluster.nodeB())).isTrue();
        // both nodes serve the same realm from the shared database
        assertThat(realm(cluster.nodeB())
                        .flows()
                        .getRequiredActionConfig("ent-activation-start")
                        .getConfig())
                .containsEntry("entCharterVersion", "2026-1");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(2)
    void aLinkIssuedOnNodeAFinishesOnNodeB_andIsRefusedWhenReplayedOnNodeA(EnrolmentDatabase database, MailServer mail)
            throws Exception {
        RealmResource onA = realm(cluster.nodeA());
        WebDriver browser = Browser.open();
        try {
            insertPaid(database, "72000001", "clana");
            cluster.route(cluster.nodeA());
            onA.userStorage().syncUsers(Students.component(onA, "enrolment"), "triggerFullSync");
            String link = link(mail.awaitMessagesTo("clana@example.org", 1, Duration.ofSeconds(90))
                    .get(0));
            assertThat(link).startsWith(cluster.realmUrl());

            cluster.route(cluster.nodeB());
            browser.get(link);
            completeActivation(browser);
            assertThat(Students.state(realm(cluster.nodeB()), "clana")).isEqualTo("ACTIVE");

            cluster.route(cluster.nodeA());
            browser.manage().deleteAllCookies();
            browser.get(link);
            assertThat(new WebDriverWait(browser, Duration.ofSeconds(30))
                            .until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")))
                            .isDisplayed())
                    .isTrue();
            assertThat(browser.findElements(By.id("ent-start"))).isEmpty();
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("déjà activé");
            assertThat(Students.signIn(cluster.nodeA(), "clana", PASSWORD)).isEqualTo(200);
        } finally {
            browser.quit();
            Students.forget(onA, database, "clana");
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(3)
    void firstConnectionLimitsCountAcrossNodes(EnrolmentDatabase database) throws Exception {
        RealmResource onA = realm(cluster.nodeA());
        try {
            try (Connection connection = database.connect()) {
                Students.insert(connection, "ent_enrolment", "72000002", "clbea", "Béa", "Deux", null, YEAR);
            }
            FirstConnectionForm viaA = new FirstConnectionForm(cluster.nodeA().realmUrl());
            FirstConnectionForm viaB = new FirstConnectionForm(cluster.nodeB().realmUrl());
            for (int attempt = 1; attempt <= 5; attempt++) {
                (attempt % 2 == 0 ? viaB : viaA).submit("72000002", "0" + attempt + "/02/2006");
                UserEvents.awaitFirstConnectionOutcome(onA, "clbea", "birth_date_mismatch", attempt);
            }
            // the sixth, right this time, on node B: the failures counted on both nodes stop it
            viaB.submit("72000002", "14/03/2006");
            UserEvents.awaitFirstConnectionOutcome(onA, "clbea", "throttled_failures", 1);
            assertThat(UserEvents.firstConnectionOutcomes(onA, "clbea")).doesNotContain("sent_send_unpaid");
        } finally {
            Students.forget(onA, database, "clbea");
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(4)
    void aSyncRunsOnOneNodeAtATime_andASignInImportRacingItLeavesOneAccount(EnrolmentDatabase database)
            throws Exception {
        RealmResource onA = realm(cluster.nodeA());
        RealmResource onB = realm(cluster.nodeB());
        int students = 800;
        List<String> logins = new ArrayList<>();
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO ent_enrolment"
                        + " (student_number, login, first_name, last_name, birth_date, personal_email,"
                        + " last_academic_year, fee_paid_at, updated_at)"
                        + " VALUES (?, ?, 'Race', 'Sync', DATE '2006-03-14', ?, ?, NULL, now())")) {
            for (int i = 0; i < students; i++) {
                String login = String.format("clrace%04d", i);
                logins.add(login);
                insert.setString(1, String.format("7300%04d", i));
                insert.setString(2, login);
                insert.setString(3, login + "@example.org");
                insert.setInt(4, YEAR);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Integer> signInAttempts = new java.util.concurrent.CopyOnWriteArrayList<>();
            CompletableFuture<SynchronizationResultRepresentation> syncOnA = CompletableFuture.supplyAsync(() -> {
                await(go);
                return onA.userStorage().syncUsers(Students.component(onA, "enrolment"), "triggerFullSync");
            });
            CompletableFuture<SynchronizationResultRepresentation> syncOnB = CompletableFuture.supplyAsync(() -> {
                await(go);
                return onB.userStorage().syncUsers(Students.component(onB, "enrolment"), "triggerFullSync");
            });
            // meanwhile, students sign in on node B: each lookup imports the student if the sync has not yet
            CompletableFuture<Void> signIns = CompletableFuture.runAsync(() -> {
                await(go);
                // from the first students, which the sync's first batches import at the same moment
                for (int i = 0; i < students; i += 7) {
                    try {
                        // an unknown login at sign-in: node B looks it up in the enrolment database and imports it
                        signInAttempts.add(Students.signIn(cluster.nodeB(), logins.get(i), "not-the-password"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            go.countDown();
            SynchronizationResultRepresentation a = syncOnA.get();
            SynchronizationResultRepresentation b = syncOnB.get();
            signIns.get();

            assertThat(List.of(a.isIgnored(), b.isIgnored()))
                    .as("one sync ran, the other was turned away")
                    .containsExactlyInAnyOrder(true, false);
            // every attempt got the ordinary refusal of a wrong password (or of an account still to activate)
            assertThat(signInAttempts).hasSize((students + 6) / 7).allMatch(status -> status == 400 || status == 401);
            for (String login : logins) {
                assertThat(onA.users().searchByUsername(login, true)).as(login).hasSize(1);
            }
        } finally {
            try (Connection connection = database.connect();
                    PreparedStatement delete =
                            connection.prepareStatement("DELETE FROM ent_enrolment WHERE login LIKE 'clrace%'")) {
                delete.executeUpdate();
            }
            for (String login : logins) {
                onA.users()
                        .searchByUsername(login, true)
                        .forEach(user -> onA.users().delete(user.getId()).close());
            }
        }
    }

    /**
     * After leaving, on two nodes with their clocks moved to 44 days before the end of access: the alumni offer goes
     * out once though both nodes run the mail task, and a yes sent to one node while a no goes to the other counts
     * once — the choice stored is the one answer recorded, and the account's end of access agrees with it.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(5)
    void theAlumniOfferGoesOutOnce_andTwoAnswersOnTwoNodesAtOnceCountOnce(EnrolmentDatabase database, MailServer mail)
            throws Exception {
        RealmResource onA = realm(cluster.nodeA());
        int leaving = Students.LEAVING_YEAR;
        Instant end = Students.LEAVING_ACCESS_ENDS;
        Map<String, String> before = LifecycleConsole.read(onA);
        try (Connection connection = database.connect()) {
            Students.insert(
                    connection,
                    "ent_enrolment",
                    "72000004",
                    "clalumni",
                    "Clara",
                    "Cluster",
                    OffsetDateTime.now(ZoneOffset.UTC).minusDays(200),
                    leaving);
        }
        try {
            onA.userStorage().syncUsers(Students.component(onA, "enrolment"), "triggerFullSync");
            Students.activate(cluster.nodeA(), "clalumni", PASSWORD);
            // both clocks moved first, then the choice turned on: the offer is made at that time on either node
            Duration offset = Duration.between(Instant.now(), end.minus(Duration.ofDays(44)));
            cluster.nodeA().setClockOffset(offset);
            cluster.nodeB().setClockOffset(offset);
            LifecycleConsole.save(onA, before, "entAlumniChoice", "true");
            ReceivedMail offer = mail.awaitSubject("clalumni@example.org", ALUMNI_OFFER, Duration.ofSeconds(90));
            // both nodes ran the task since: still one offer
            cluster.nodeA().awaitMailTaskRuns(2);
            cluster.nodeB().awaitMailTaskRuns(2);
            assertThat(mail.messagesTo("clalumni@example.org", ALUMNI_OFFER)).hasSize(1);

            Matcher key = ALUMNI_KEY.matcher(offer.text());
            assertThat(key.find()).as("alumni link in %s", offer.text()).isTrue();
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Integer> yesOnA =
                    CompletableFuture.supplyAsync(() -> answer(cluster.nodeA(), key.group(1), "keep", go));
            CompletableFuture<Integer> noOnB =
                    CompletableFuture.supplyAsync(() -> answer(cluster.nodeB(), key.group(1), "close", go));
            go.countDown();
            assertThat(List.of(yesOnA.get(), noOnB.get())).containsOnly(200);

            RealmResource onB = realm(cluster.nodeB());
            UserRepresentation student = Students.user(onB, "clalumni");
            List<String> answers = onB
                    .getEvents(List.of("CUSTOM_REQUIRED_ACTION"), null, student.getId(), null, null, null, 0, 100)
                    .stream()
                    .map(event -> event.getDetails() == null
                            ? null
                            : event.getDetails().get("ent_step"))
                    .filter(step -> "alumni_yes".equals(step) || "alumni_no".equals(step))
                    .toList();
            assertThat(answers).as("answers recorded").hasSize(1);
            if (answers.get(0).equals("alumni_yes")) {
                assertThat(student.getAttributes())
                        .containsEntry("entAlumniChoice", List.of("YES"))
                        .containsEntry("entAlumniUntil", List.of((leaving + 2) + "-12-31"));
            } else {
                assertThat(student.getAttributes())
                        .containsEntry("entAlumniChoice", List.of("NO"))
                        .doesNotContainKey("entAlumniUntil");
            }
        } finally {
            cluster.nodeA().setClockOffset(Duration.ZERO);
            cluster.nodeB().setClockOffset(Duration.ZERO);
            LifecycleConsole.restore(realm(cluster.nodeA()), before);
            Students.forget(realm(cluster.nodeA()), database, "clalumni");
        }
    }

    /** Posts an answer to the alumni choice to one node, when {@code go} opens: the HTTP status. */
    private static int answer(KeycloakServer node, String key, String choice, CountDownLatch go) {
        await(go);
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(node.realmUrl() + "/ent-alumni"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("key=" + key + "&choice=" + choice))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(6)
    void aNodeKilledDuringAnActivationLeavesNothingHalfDone_andTheStudentFinishesOnTheOther(
            EnrolmentDatabase database, MailServer mail) throws Exception {
        RealmResource onB = realm(cluster.nodeB());
        WebDriver browser = Browser.open();
        try {
            insertPaid(database, "72000003", "clcid");
            onB.userStorage().syncUsers(Students.component(onB, "enrolment"), "triggerFullSync");
            String link = link(mail.awaitMessagesTo("clcid@example.org", 1, Duration.ofSeconds(90))
                    .get(0));

            // on node A: charter accepted, password chosen, then node A dies at the forwarding step
            cluster.route(cluster.nodeA());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            ActivationJourney journey = new ActivationJourney(browser);
            journey.open(link);
            journey.start().acceptCharter().choosePassword(PASSWORD);
            wait.until(ExpectedConditions.elementToBeClickable(By.id("ent-forwarding-none")));
            cluster.nodeA().kill();
            cluster.route(cluster.nodeB());

            String id = Students.user(onB, "clcid").getId();
            assertThat(Students.state(onB, "clcid")).isEqualTo("ACTIVATABLE");
            assertThat(onB.users().get(id).credentials()).isEmpty();
            assertThat(Students.user(onB, "clcid").getAttributes()).doesNotContainKey("entCharterAcceptedAt");

            // the student opens the link again: node B takes it to the end
            browser.get(link);
            completeActivation(browser);
            assertThat(Students.state(onB, "clcid")).isEqualTo("ACTIVE");
            assertThat(Students.signIn(cluster.nodeB(), "clcid", PASSWORD)).isEqualTo(200);
        } finally {
            browser.quit();
            Students.forget(onB, database, "clcid");
        }
    }

    /** Goes through whatever activation steps the browser is shown, choosing no forwarding. */
    private static void completeActivation(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        for (int step = 0; step < 8; step++) {
            WebElement page = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-page-title")));
            if (!browser.findElements(By.id("ent-start")).isEmpty()) {
                browser.findElement(By.id("ent-start")).click();
            } else if (!browser.findElements(By.id("ent-accept")).isEmpty()) {
                browser.findElement(By.id("ent-accept")).click();
                browser.findElement(By.id("ent-charter-continue")).click();
            } else if (!browser.findElements(By.id("password-new")).isEmpty()) {
                browser.findElement(By.id("password-new")).sendKeys(PASSWORD);
                browser.findElement(By.id("password-confirm")).sendKeys(PASSWORD);
                browser.findElement(By.cssSelector("form [type=submit]")).click();
            } else if (!browser.findElements(By.id("ent-forwarding-none")).isEmpty()) {
                browser.findElement(By.id("ent-forwarding-none")).click();
                browser.findElement(By.id("ent-forwarding-continue")).click();
            } else if (!browser.findElements(By.id("ent-activate")).isEmpty()) {
                browser.findElement(By.id("ent-activate")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("a[href*='/realms/ent/account']")));
                return;
            } else {
                throw new AssertionError("unexpected page during activation: " + page.getText() + "\n"
                        + browser.findElement(By.tagName("body")).getText());
            }
            wait.until(ExpectedConditions.stalenessOf(page));
        }
        throw new AssertionError("the activation did not end");
    }

    private static void insertPaid(EnrolmentDatabase database, String number, String login) throws Exception {
        Students.insertPaid(database, number, login, "Clara", "Cluster");
    }

    private static RealmResource realm(KeycloakServer node) {
        return node.admin().realm(KeycloakServer.REALM);
    }

    private static String link(ReceivedMail mail) {
        Matcher matcher = LINK.matcher(mail.text());
        assertThat(matcher.find()).as("activation link in %s", mail.text()).isTrue();
        return matcher.group(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
