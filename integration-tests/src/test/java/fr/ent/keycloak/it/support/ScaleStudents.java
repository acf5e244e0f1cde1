package fr.ent.keycloak.it.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A university's worth of students for the load drivers (benchmarks), and what measuring them needs. */
public final class ScaleStudents {

    private ScaleStudents() {}

    /**
     * Fills {@code relation} (made {@code LIKE ent_enrolment}) with {@code count} students: ~1 % named Martin (the most
     * common French surname), logins {@code scale00000001}…, student numbers {@code 00000001}…
     *
     * @param paid every fifth student unpaid, the others paid two days ago; or nobody paid (no automatic email)
     */
    public static void insert(EnrolmentDatabase database, String relation, int count, boolean paid)
            throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + relation + " (LIKE ent_enrolment INCLUDING ALL)");
            statement.execute("INSERT INTO " + relation + " (student_number, login, ine, first_name, last_name,"
                    + " birth_date, personal_email, last_academic_year, program_label, fee_paid_at, updated_at)"
                    + " SELECT lpad(i::text, 8, '0'), 'scale' || lpad(i::text, 8, '0'), NULL,"
                    + " (ARRAY['Léa','Hugo','Inès','Jade','Louis','Emma','Lucas','Chloé','Nathan','Manon'])[1 + i % 10],"
                    + " CASE WHEN i % 100 = 7 THEN 'Martin' ELSE 'Nom' || (i % 5000)::text END,"
                    + " DATE '2004-01-01' + (i % 1500), 'scale' || i || '@example.org', "
                    + Students.CURRENT_ACADEMIC_YEAR + ", 'Licence',"
                    + (paid ? " CASE WHEN i % 5 = 0 THEN NULL ELSE now() - interval '2 days' END," : " NULL,")
                    + " now() - interval '1 day' FROM generate_series(1, " + count + ") AS i");
        }
    }

    /** The {@code percent}th percentile of {@code values} (nearest rank). */
    public static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    /**
     * PostgreSQL's autovacuum refreshes the planner's statistics while tables grow; it is switched off on the project's
     * machine, where Keycloak's lookups then degrade to scans as the tables fill. This does what autovacuum's
     * autoanalyze would: {@code ANALYZE} of Keycloak's database every 20 seconds, and once at {@link #now}.
     */
    public static final class Analyzer implements AutoCloseable {
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        private final EnrolmentDatabase database;

        public Analyzer(EnrolmentDatabase database) {
            this.database = database;
            executor.scheduleWithFixedDelay(this::now, 5, 20, TimeUnit.SECONDS);
        }

        /** {@code ANALYZE} at once. */
        public void now() {
            try (Connection connection = java.sql.DriverManager.getConnection(
                            database.jdbcUrlOf("keycloak"), database.user(), database.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE");
            } catch (SQLException e) {
                System.err.println("[bench] ANALYZE failed: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
