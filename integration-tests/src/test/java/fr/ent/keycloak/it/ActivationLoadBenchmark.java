package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.ItSettings;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.Students;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * Load driver for the start of the academic year (not part of {@code mvn verify}: its name does not end in IT). On the
 * real server: {@value #STUDENTS} students become activatable at once; the server mails each of them; every student
 * opens the link from their own email and goes through the real forms (start, charter, password, forwarding,
 * summary) at the same time, as an HTTP client with its own cookies. Reports errors, p50/p95 per step, activations per
 * minute, emails reaching the wrong student, and the share of time spent hashing passwords, measured against a second
 * wave in the same run whose realm hashes with one PBKDF2 iteration (the only difference). Writes
 * {@code target/benchmarks/activation-load.md}.
 *
 * <pre>mvn verify -pl integration-tests -am -Dit.test=ActivationLoadBenchmark</pre>
 */
@EntServerTest
// a long measurement, not a hang: the 10-minute limit of the tests (junit-platform.properties) does not apply
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.HOURS)
class ActivationLoadBenchmark {

    static final int STUDENTS = Integer.getInteger("ent.bench.activations", 200);

    /**
     * The most passwords this machine can hash in a minute with Keycloak's default hashing (PBKDF2-SHA512, 210,000
     * iterations, as the realm uses when its policy names no algorithm): the cores times what one hash costs in CPU
     * time, measured here (the server runs on the same machine and the same Java).
     */
    static double hashingLimitPerMinute() throws Exception {
        javax.crypto.SecretKeyFactory pbkdf2 = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
        byte[] salt = new byte[16];
        char[] password = "Girafe-trombone-lanterne-8".toCharArray();
        pbkdf2.generateSecret(new javax.crypto.spec.PBEKeySpec(password, salt, 210_000, 512)); // warm-up
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int hashes = 5;
        long before = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < hashes; i++) {
            pbkdf2.generateSecret(new javax.crypto.spec.PBEKeySpec(password, salt, 210_000, 512));
        }
        double cpuPerHashNanos = (threads.getCurrentThreadCpuTime() - before) / (double) hashes;
        return Runtime.getRuntime().availableProcessors() * 60e9 / cpuPerHashNanos;
    }

    private static final List<String> STEPS =
            List.of("open link", "start", "charter", "password", "forwarding", "summary");
    private static final Pattern LINK =
            Pattern.compile("(http://localhost:\\d+/realms/ent/login-actions/action-token\\?\\S+)");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*login-actions[^\"]*)\"");

    @Test
    void twoHundredStudentsActivateAtOnce(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        RealmRepresentation settings = realm.toRepresentation();
        String policy = settings.getPasswordPolicy();
        List<String> report = new ArrayList<>();
        report.add("# Activation at the start of the year (" + STUDENTS + " students at once), " + LocalDate.now());
        report.add("");
        try {
            Wave real = wave("lda", 74_000_000, realm, database, mail);
            // the baseline: the same journey, the realm hashing with one PBKDF2 iteration
            settings.setPasswordPolicy(policy + " and hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");
            realm.update(settings);
            Wave cheap = wave("ldb", 75_000_000, realm, database, mail);

            report.add("| step | p50 (ms) | p95 (ms) | p95, cheap hashing (ms) |");
            report.add("|---|---|---|---|");
            for (String step : STEPS) {
                report.add("| " + step + " | " + ms(percentile(real.times.get(step), 50)) + " | "
                        + ms(percentile(real.times.get(step), 95)) + " | "
                        + ms(percentile(cheap.times.get(step), 95)) + " |");
            }
            double hashing = sum(real.times.get("password")) - sum(cheap.times.get("password"));
            double total = STEPS.stream()
                    .mapToDouble(step -> sum(real.times.get(step)))
                    .sum();
            double totalCheap = STEPS.stream()
                    .mapToDouble(step -> sum(cheap.times.get(step)))
                    .sum();
            report.add("");
            report.add("- errors: " + real.errors.size() + " (cheap hashing wave: " + cheap.errors.size() + ")"
                    + (real.errors.isEmpty() ? "" : "; first: " + real.errors.get(0)));
            report.add("- emails reaching the wrong student: " + real.mixUps + " of " + STUDENTS);
            report.add(String.format(
                    "- throughput: %.0f activations per minute (all %d students from the first link opened to the"
                            + " last summary: %.1f s); cheap hashing wave: %.0f per minute",
                    STUDENTS * 60.0 / real.seconds, STUDENTS, real.seconds, STUDENTS * 60.0 / cheap.seconds));
            report.add(String.format(
                    "- share of the students' waiting time spent hashing passwords: %.0f %% (password step %.0f ms"
                            + " per student with the realm's hashing, %.0f ms with one PBKDF2 iteration)",
                    100 * hashing / total,
                    sum(real.times.get("password")) / STUDENTS,
                    sum(cheap.times.get("password")) / STUDENTS));
            report.add(String.format(
                    "- waiting time of a student over the whole journey: %.1f s with the realm's hashing, %.1f s with"
                            + " one PBKDF2 iteration: hashing and the queueing it causes on the other steps account for"
                            + " %.0f %% of it",
                    total / STUDENTS / 1000, totalCheap / STUDENTS / 1000, 100 * (total - totalCheap) / total));
            report.add(
                    "- hashing: the realm's policy `" + policy + "` (Keycloak's default algorithm when none is named)");
            double limit = hashingLimitPerMinute();
            report.add(String.format(
                    "- **throughput as a share of this machine's hashing limit: %.0f %%** — the limit, measured in the"
                            + " same run: %d cores ÷ %.0f ms of CPU for one hash with Keycloak's default hashing"
                            + " (PBKDF2-SHA512, 210,000 iterations) = %.0f password hashes per minute; each activation"
                            + " hashes its password once, so no server can activate faster. The figure to watch"
                            + " instead of an absolute p95 on a small machine",
                    100 * (STUDENTS * 60.0 / real.seconds) / limit,
                    Runtime.getRuntime().availableProcessors(),
                    60_000.0 * Runtime.getRuntime().availableProcessors() / limit,
                    limit));
            Path out = ItSettings.outputDir().resolve("benchmarks/activation-load.md");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
            System.out.println(String.join("\n", report));

            assertThat(real.errors).isEmpty();
            assertThat(real.mixUps).isZero();
            assertThat(Students.state(realm, "lda0000")).isEqualTo("ACTIVE");
        } finally {
            settings.setPasswordPolicy(policy);
            realm.update(settings);
            try (Connection connection = database.connect();
                    PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM ent_enrolment WHERE login LIKE 'lda%' OR login LIKE 'ldb%'")) {
                delete.executeUpdate();
            }
            for (String prefix : List.of("lda", "ldb")) {
                realm.users().search(prefix, 0, STUDENTS + 10).stream()
                        .filter(user -> user.getUsername().startsWith(prefix))
                        .forEach(user -> realm.users().delete(user.getId()).close());
            }
        }
    }

    /** What one wave of students measured. */
    private record Wave(Map<String, List<Double>> times, List<String> errors, int mixUps, double seconds) {}

    private static Wave wave(
            String prefix, int firstNumber, RealmResource realm, EnrolmentDatabase database, MailServer mail)
            throws Exception {
        List<String> logins = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (int i = 0; i < STUDENTS; i++) {
                String login = String.format("%s%04d", prefix, i);
                logins.add(login);
                Students.insert(
                        connection,
                        "ent_enrolment",
                        Integer.toString(firstNumber + i),
                        login,
                        "Charge",
                        "Rentrée",
                        OffsetDateTime.now(ZoneOffset.UTC).minusDays(1),
                        Students.CURRENT_ACADEMIC_YEAR);
            }
        }
        realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");

        // every student's own email: the link in it must be bound to that student's account
        Map<String, String> links = new LinkedHashMap<>();
        int mixUps = 0;
        for (String login : logins) {
            ReceivedMail received = mail.awaitMessagesTo(login + "@example.org", 1, Duration.ofMinutes(5))
                    .get(0);
            Matcher link = LINK.matcher(received.text());
            String userId = realm.users().searchByUsername(login, true).get(0).getId();
            if (!link.find()
                    || !received.text().contains(login)
                    || !subject(link.group(1)).equals(userId)) {
                mixUps++;
                continue;
            }
            links.put(login, link.group(1));
        }

        Map<String, List<Double>> times = new ConcurrentHashMap<>();
        STEPS.forEach(step -> times.put(step, new CopyOnWriteArrayList<>()));
        List<String> errors = new CopyOnWriteArrayList<>();
        ExecutorService students = Executors.newFixedThreadPool(links.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> journeys = new ArrayList<>();
        for (Map.Entry<String, String> entry : links.entrySet()) {
            journeys.add(students.submit(() -> {
                try {
                    go.await();
                    activate(entry.getValue(), times);
                } catch (Exception e) {
                    errors.add(entry.getKey() + ": " + e.getMessage());
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> journey : journeys) {
            journey.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        students.shutdown();
        AtomicInteger active = new AtomicInteger();
        for (String login : links.keySet()) {
            if ("ACTIVE".equals(Students.state(realm, login))) {
                active.incrementAndGet();
            } else {
                errors.add(login + ": not active at the end");
            }
        }
        return new Wave(times, errors, mixUps, seconds);
    }

    /** One student's journey through the real forms, each step timed. */
    private static void activate(String link, Map<String, List<Double>> times) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new PlainHttpCookies())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        String start = timed(times, "open link", () -> get(http, link), "ent-start");
        String page = timed(times, "start", () -> post(http, action(start), Map.of()), "ent-accept");
        String charter = page;
        page = timed(times, "charter", () -> post(http, action(charter), Map.of("accept", "on")), "password-new");
        String password = page;
        page = timed(
                times,
                "password",
                () -> post(
                        http,
                        action(password),
                        Map.of(
                                "password-new",
                                "Girafe-trombone-lanterne-8",
                                "password-confirm",
                                "Girafe-trombone-lanterne-8")),
                "ent-forwarding-none");
        String forwarding = page;
        page = timed(
                times,
                "forwarding",
                () -> post(http, action(forwarding), Map.of("forwarding", "none")),
                "ent-activate");
        String summary = page;
        timed(times, "summary", () -> post(http, action(summary), Map.of()), "/realms/ent/account");
    }

    /**
     * Keycloak marks its session cookies {@code Secure}; a browser sends them to {@code http://localhost} (a secure
     * context), Java's cookie manager does not: this one keeps them for the plain-HTTP test server.
     */
    private static final class PlainHttpCookies extends CookieManager {
        PlainHttpCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws java.io.IOException {
            Map<String, List<String>> plain = new LinkedHashMap<>();
            headers.forEach((name, values) -> plain.put(
                    name,
                    name != null && name.equalsIgnoreCase("Set-Cookie")
                            ? values.stream()
                                    .map(cookie -> cookie.replaceAll("(?i);\\s*Secure", ""))
                                    .toList()
                            : values));
            super.put(uri, plain);
        }
    }

    private interface Call {
        HttpResponse<String> call() throws Exception;
    }

    private static String timed(Map<String, List<Double>> times, String step, Call call, String expected)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = call.call();
        times.get(step).add((System.nanoTime() - start) / 1e6);
        if (response.statusCode() != 200 || !response.body().contains(expected)) {
            throw new IllegalStateException(step + ": status " + response.statusCode() + ", expected " + expected);
        }
        return response.body();
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(2))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String url, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(2))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String action(String page) {
        Matcher matcher = FORM_ACTION.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no form on the page");
        }
        String action = matcher.group(1).replace("&amp;", "&");
        return action.startsWith("http") ? action : "http://localhost" + action;
    }

    /** The account an activation link is bound to: the {@code sub} of its token. */
    private static String subject(String link) {
        String token = link.substring(link.indexOf("key=") + 4).split("&")[0];
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher sub = Pattern.compile("\"sub\":\"([^\"]+)\"").matcher(payload);
        return sub.find() ? sub.group(1) : "";
    }

    private static double sum(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double percentile(List<Double> values, int percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static String ms(double value) {
        return String.format("%.0f", value);
    }
}
