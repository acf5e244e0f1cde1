package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.ItSettings;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.ScaleStudents;
import fr.ent.keycloak.it.support.Students;
import fr.ent.keycloak.it.support.TcpProxy;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Load driver for the enrolment import at the size of a university (not part of {@code mvn verify}: its name does not
 * end in IT). On the real server and PostgreSQL: a full sync of {@value #STUDENTS} students, a changed sync of
 * {@value #CHANGED}, the admin console's search for "Martin" (first page) over them, and sign-ins of an imported student
 * (bytes sent to the enrolment database counted); the same figures for Keycloak's own partial import of the same
 * students into another realm, the baseline, in the same run. Writes {@code target/benchmarks/enrolment-scale.md}.
 *
 * <pre>mvn verify -pl integration-tests -am -Dit.test=EnrolmentScaleBenchmark</pre>
 */
@EntServerTest
// a long measurement, not a hang: the 10-minute limit of the tests (junit-platform.properties) does not apply
@org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.HOURS)
class EnrolmentScaleBenchmark {

    static final int STUDENTS = Integer.getInteger("ent.bench.students", 100_000);
    /** {@code -Dent.bench.baseline=false} skips Keycloak's partial import (quick runs while working; reports need it). */
    static final boolean BASELINE = Boolean.parseBoolean(System.getProperty("ent.bench.baseline", "true"));

    static final int CHANGED = 1_000;
    private static final int SEARCHES = 200;
    private static final int WARM_UP = 20;
    private static final String RELATION = "ent_enrolment_scale";
    private static final String PASSWORD = "tortue-hamac-violon-88";
    private static final int YEAR = Students.CURRENT_ACADEMIC_YEAR;

    @Test
    void hundredThousandStudents(Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        List<String> report = new ArrayList<>();
        report.add("# Enrolment import at scale (" + STUDENTS + " students), " + LocalDate.now());
        report.add("");
        report.add("| measure | ent-enrolment | Keycloak partial import (baseline) | ratio |");
        report.add("|---|---|---|---|");

        ScaleStudents.insert(database, RELATION, STUDENTS, true);
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try (TcpProxy proxy = database.proxy();
                ScaleStudents.Analyzer analyzer = new ScaleStudents.Analyzer(database)) {
            String component = Students.createComponent(
                    realm, "scale", database.jdbcUrlThrough(proxy), database.user(), database.password(), RELATION);

            long start = System.nanoTime();
            SynchronizationResultRepresentation full = realm.userStorage().syncUsers(component, "triggerFullSync");
            double fullSeconds = seconds(start);
            assertThat(full.getAdded()).isEqualTo(STUDENTS);

            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE " + RELATION + " SET first_name = 'Changé', updated_at = now()"
                        + " WHERE student_number IN (SELECT student_number FROM " + RELATION
                        + " ORDER BY student_number LIMIT " + CHANGED + ")");
            }
            start = System.nanoTime();
            SynchronizationResultRepresentation changed =
                    realm.userStorage().syncUsers(component, "triggerChangedUsersSync");
            double changedSeconds = seconds(start);
            assertThat(changed.getUpdated()).isEqualTo(CHANGED);

            // the nightly full sync of a university where nothing changed
            start = System.nanoTime();
            SynchronizationResultRepresentation again = realm.userStorage().syncUsers(component, "triggerFullSync");
            double againSeconds = seconds(start);
            assertThat(again.getAdded() + again.getUpdated()).isZero();

            double[] search = searchMartin(realm);

            Students.activate(server, "scale00000042", PASSWORD);
            proxy.resetCount();
            double[] signIns = new double[50];
            for (int i = 0; i < signIns.length; i++) {
                long t = System.nanoTime();
                assertThat(Students.signIn(server, "scale00000042", PASSWORD)).isEqualTo(200);
                signIns[i] = (System.nanoTime() - t) / 1e6;
            }
            long bytes = proxy.bytesToDatabase();

            if (!BASELINE) {
                report.add(String.format("| full sync (s) | %.2f | (not measured) | |", fullSeconds));
                report.add(
                        String.format("| changed sync of %d (s) | %.2f | (not measured) | |", CHANGED, changedSeconds));
                report.add(String.format("| full sync again, nothing changed (s) | %.2f | | |", againSeconds));
                report.add(String.format("| search \"Martin\", p95 (ms) | %.2f | (not measured) | |", search[1]));
                assertThat(bytes).isZero();
                return;
            }
            // the baseline: the same students through Keycloak's partial import into a realm of their own
            RealmRepresentation baselineRealm = new RealmRepresentation();
            baselineRealm.setRealm("scale-baseline");
            baselineRealm.setEnabled(true);
            admin.realms().create(baselineRealm);
            RealmResource baseline = admin.realm("scale-baseline");
            start = System.nanoTime();
            for (int from = 0; from < STUDENTS; from += 1000) {
                partialImport(baseline, from, Math.min(STUDENTS, from + 1000), "SKIP", "Prénom");
            }
            double importSeconds = seconds(start);
            start = System.nanoTime();
            partialImport(baseline, 0, CHANGED, "OVERWRITE", "Changé");
            double overwriteSeconds = seconds(start);
            double[] baselineSearch = searchMartin(baseline);

            report.add(row("full sync / import of all students (s)", fullSeconds, importSeconds));
            report.add(row("changed sync / re-import of " + CHANGED + " (s)", changedSeconds, overwriteSeconds));
            report.add(
                    String.format("| full sync again, nothing changed (s) | %.2f | (no equivalent) | |", againSeconds));
            report.add(row("search \"Martin\", first page, p50 (ms)", search[0], baselineSearch[0]));
            report.add(row("search \"Martin\", first page, p95 (ms)", search[1], baselineSearch[1]));
            report.add("");
            report.add("Sign-in of an imported student (password grant, fresh copy): p50 "
                    + String.format("%.1f", percentile(signIns, 50)) + " ms, p95 "
                    + String.format("%.1f", percentile(signIns, 95)) + " ms; bytes sent to the enrolment database"
                    + " during " + signIns.length + " sign-ins: " + bytes + ".");
            assertThat(bytes).isZero();

            // no clean-up of the server: removing 2 × N users takes longer than the run; the databases go with the run
        } finally {
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + RELATION);
            }
            Path out = ItSettings.outputDir().resolve("benchmarks/enrolment-scale.md");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
            report.forEach(System.out::println);
        }
    }

    private static void partialImport(RealmResource realm, int from, int to, String policy, String firstName) {
        List<UserRepresentation> users = new ArrayList<>(to - from);
        for (int i = from + 1; i <= to; i++) {
            UserRepresentation user = new UserRepresentation();
            String number = String.format("%08d", i);
            user.setUsername("scale" + number);
            user.setEnabled(true);
            user.setFirstName(firstName);
            user.setLastName(i % 100 == 7 ? "Martin" : "Nom" + (i % 5000));
            user.setAttributes(Map.of(
                    "supannEtuId", List.of(number),
                    "supannMailPerso", List.of("scale" + i + "@example.org"),
                    "schacDateOfBirth", List.of("20040101"),
                    "supannEtuAnneeInscription", List.of(Integer.toString(YEAR)),
                    "eduPersonAffiliation", List.of("student"),
                    "entAccountState", List.of("ACTIVATABLE"),
                    "entFeePaidAt", List.of("2026-01-01T00:00:00Z")));
            users.add(user);
        }
        PartialImportRepresentation batch = new PartialImportRepresentation();
        batch.setIfResourceExists(policy);
        batch.setUsers(users);
        try (Response response = realm.partialImport(batch)) {
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    /** The admin console's user search: "Martin", first page, brief representation. p50 and p95 in ms. */
    private static double[] searchMartin(RealmResource realm) {
        double[] times = new double[SEARCHES];
        for (int i = -WARM_UP; i < SEARCHES; i++) {
            long t = System.nanoTime();
            List<UserRepresentation> page = realm.users().search("Martin", 0, 11, true);
            if (i >= 0) {
                times[i] = (System.nanoTime() - t) / 1e6;
            }
            assertThat(page).isNotEmpty();
        }
        return new double[] {percentile(times, 50), percentile(times, 95)};
    }

    private static double percentile(double[] values, int percent) {
        return ScaleStudents.percentile(values, percent);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String row(String measure, double ours, double baseline) {
        return String.format("| %s | %.2f | %.2f | %.2f× |", measure, ours, baseline, ours / baseline);
    }
}
