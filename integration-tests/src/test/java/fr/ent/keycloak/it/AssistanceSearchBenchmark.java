package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.ItSettings;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Operators;
import fr.ent.keycloak.it.support.ScaleStudents;
import fr.ent.keycloak.it.support.Students;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Load driver for the assistance console's search at the size of a university (not part of {@code mvn verify}: its
 * name does not end in IT). {@value #STUDENTS} students imported on the real server and PostgreSQL; an operator
 * searches by student number, by login and by name ("Martin", ~1 % of them), {@value #SEARCHES} times each after a
 * warm-up, the whole page over HTTP; Keycloak's own admin search for the same text (REST, first page of 20, brief
 * representation) is the baseline, measured in the same run, interleaved. Target: p95 ≤ 300 ms. Writes
 * {@code target/benchmarks/assistance-search.md}.
 *
 * <pre>mvn verify -pl integration-tests -am -Dit.test=AssistanceSearchBenchmark</pre>
 */
@EntServerTest
// a long measurement, not a hang: the 10-minute limit of the tests (junit-platform.properties) does not apply
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.HOURS)
class AssistanceSearchBenchmark {

    static final int STUDENTS = Integer.getInteger("ent.bench.students", 100_000);
    private static final int SEARCHES = 200;
    private static final int WARM_UP = 20;
    private static final String RELATION = "ent_enrolment_search";

    @Test
    void searchAmongAHundredThousandStudents(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, WebDriver browser) throws Exception {
        List<String> report = new ArrayList<>();
        report.add("# Assistance console search among " + STUDENTS + " students, " + LocalDate.now());
        report.add("");
        report.add("| search | console p50 (ms) | console p95 (ms) | Keycloak admin search p50 (ms) | p95 (ms) |"
                + " ratio of p95 |");
        report.add("|---|---|---|---|---|---|");
        // nobody paid: no automatic email runs beside the measure
        ScaleStudents.insert(database, RELATION, STUDENTS, false);
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        String operator = Operators.create(realm, "op-bench");
        try (ScaleStudents.Analyzer analyzer = new ScaleStudents.Analyzer(database)) {
            String component = Students.createComponent(
                    realm, "search", database.jdbcUrl(), database.user(), database.password(), RELATION);
            assertThat(realm.userStorage()
                            .syncUsers(component, "triggerFullSync")
                            .getAdded())
                    .isEqualTo(STUDENTS);
            analyzer.now();

            Operators.signIn(browser, server.realmUrl() + "/ent-assistance", "op-bench", Operators.PASSWORD);
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-assistance-q")));
            String cookies = Operators.cookies(browser);
            HttpClient http = HttpClient.newHttpClient();

            // Keycloak's admin search finds a student number by attribute (q=supannEtuId:…), the rest by text
            // (search=…)
            measure(
                    report,
                    "student number",
                    i -> String.format("%08d", 1 + (i * 487) % STUDENTS),
                    "q=supannEtuId:",
                    http,
                    server,
                    cookies,
                    admin);
            measure(
                    report,
                    "login",
                    i -> String.format("scale%08d", 1 + (i * 613) % STUDENTS),
                    "search=",
                    http,
                    server,
                    cookies,
                    admin);
            measure(report, "name \"Martin\" (~1 %)", i -> "Martin", "search=", http, server, cookies, admin);
            measure(report, "name \"Nom42\" (20 students)", i -> "Nom42", "search=", http, server, cookies, admin);
            report.add("");
            report.add("Console: the whole HTML page (at most 20 students, state computed for each), as the operator's"
                    + " browser gets it. Baseline: `GET /admin/realms/ent/users?search=…&max=20&briefRepresentation=true`"
                    + " (`q=supannEtuId:…` for a student number, Keycloak's attribute search)"
                    + " with an administrator's token. Same server, same run, searches interleaved.");
        } finally {
            realm.users().delete(operator).close();
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + RELATION);
            }
            Path out = ItSettings.outputDir().resolve("benchmarks/assistance-search.md");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
            report.forEach(System.out::println);
        }
    }

    private static void measure(
            List<String> report,
            String what,
            IntFunction<String> text,
            String baselineParameter,
            HttpClient http,
            KeycloakServer server,
            String cookies,
            Keycloak admin)
            throws Exception {
        double[] console = new double[SEARCHES];
        double[] keycloak = new double[SEARCHES];
        for (int i = -WARM_UP; i < SEARCHES; i++) {
            String q = URLEncoder.encode(text.apply(i + WARM_UP), StandardCharsets.UTF_8);
            HttpRequest page = HttpRequest.newBuilder(URI.create(server.realmUrl() + "/ent-assistance?q=" + q))
                    .header("Cookie", cookies)
                    .build();
            long t = System.nanoTime();
            HttpResponse<String> answer = http.send(page, HttpResponse.BodyHandlers.ofString());
            double consoleMs = (System.nanoTime() - t) / 1e6;
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("ent-assistance-results");

            HttpRequest rest = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/"
                            + KeycloakServer.REALM + "/users?briefRepresentation=true&first=0&max=20&"
                            + baselineParameter + q))
                    .header("Authorization", "Bearer " + admin.tokenManager().getAccessTokenString())
                    .build();
            t = System.nanoTime();
            HttpResponse<String> users = http.send(rest, HttpResponse.BodyHandlers.ofString());
            double keycloakMs = (System.nanoTime() - t) / 1e6;
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(users.body()).startsWith("[{");
            if (i >= 0) {
                console[i] = consoleMs;
                keycloak[i] = keycloakMs;
            }
        }
        double consoleP95 = ScaleStudents.percentile(console, 95);
        double keycloakP95 = ScaleStudents.percentile(keycloak, 95);
        report.add(String.format(
                "| %s | %.1f | %.1f | %.1f | %.1f | %.2f× |",
                what,
                ScaleStudents.percentile(console, 50),
                consoleP95,
                ScaleStudents.percentile(keycloak, 50),
                keycloakP95,
                consoleP95 / keycloakP95));
    }
}
