package fr.ent.keycloak.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.keycloak.enrolment.core.ColumnMapping;
import fr.ent.keycloak.enrolment.core.EnrolmentSource;
import fr.ent.keycloak.enrolment.core.JdbcConnections;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-component pools, on an in-memory H2 database (the demo's database engine). */
class ConnectionPoolsTest {

    private static final String URL = "jdbc:h2:mem:pools;DB_CLOSE_DELAY=-1";

    private final ConnectionPools pools = new ConnectionPools();
    private Connection keepAlive;

    @BeforeEach
    void createRelation() throws SQLException {
        keepAlive = DriverManager.getConnection(URL, "sa", "");
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS ent_enrolment");
            statement.execute("CREATE TABLE ent_enrolment (student_number VARCHAR(32), login VARCHAR(64), ine CHAR(11),"
                    + " first_name VARCHAR(128), last_name VARCHAR(128), birth_date DATE, personal_email VARCHAR(254),"
                    + " last_academic_year INT, program_label VARCHAR(255), fee_paid_at TIMESTAMP WITH TIME ZONE,"
                    + " updated_at TIMESTAMP WITH TIME ZONE)");
            statement.execute("INSERT INTO ent_enrolment VALUES ('21000001', 'pool', NULL, 'Alix', 'Roy',"
                    + " DATE '2005-01-02', 'alix@example.org', 2025, 'Licence', NULL, CURRENT_TIMESTAMP)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        pools.close();
        keepAlive.close();
    }

    @Test
    void everyOperationRunsWithinTheSourcesBoundary() throws SQLException {
        JdbcConnections jdbc = new JdbcConnections(URL, "sa", "", 5);
        java.util.concurrent.atomic.AtomicInteger crossings = new java.util.concurrent.atomic.AtomicInteger();
        EnrolmentSource.Boundary counting = new EnrolmentSource.Boundary() {
            @Override
            public <T> T run(EnrolmentSource.Work<T> work) throws SQLException {
                crossings.incrementAndGet();
                return work.run();
            }
        };
        EnrolmentSource source =
                EnrolmentSource.unpooled(jdbc, ColumnMapping.DEFAULTS).within(counting);

        assertThat(source.readAll()).hasSize(1);
        assertThat(source.find("pool")).isPresent();
        assertThat(source.check()).isEmpty();
        assertThat(crossings).hasValue(3);

        EnrolmentSource.Boundary refusing = new EnrolmentSource.Boundary() {
            @Override
            public <T> T run(EnrolmentSource.Work<T> work) throws SQLException {
                throw new SQLException("Connection refused", "08001");
            }
        };
        assertThatThrownBy(() -> source.within(refusing).readAll()).isInstanceOf(SQLException.class);
        assertThat(source.within(refusing).check()).get().asString().isNotBlank();
    }

    @Test
    void aComponentReusesItsPooledConnections() throws SQLException {
        JdbcConnections jdbc = new JdbcConnections(URL, "sa", "", 5);
        EnrolmentSource.ConnectionSupplier connections = pools.connections("c1", Map.of("jdbcUrl", URL), jdbc);
        EnrolmentSource source = new EnrolmentSource(connections, URL, ColumnMapping.DEFAULTS, 5);

        for (int i = 0; i < 20; i++) {
            assertThat(source.find("pool"))
                    .get()
                    .extracting(row -> row.record().studentNumber())
                    .isEqualTo("21000001");
        }

        // one physical connection served the twenty lookups, and came back writable and auto-committing
        assertThat(sessions()).isEqualTo(2);
        try (Connection again = connections.get()) {
            assertThat(again.isReadOnly()).isFalse();
            assertThat(again.getAutoCommit()).isTrue();
        }
    }

    @Test
    void newSettingsGetANewPoolAndAClosedComponentNone() throws SQLException {
        JdbcConnections jdbc = new JdbcConnections(URL, "sa", "", 5);
        EnrolmentSource.ConnectionSupplier first = pools.connections("c1", Map.of("relation", "a"), jdbc);
        first.get().close();
        assertThat(sessions()).isEqualTo(2);

        EnrolmentSource.ConnectionSupplier second = pools.connections("c1", Map.of("relation", "b"), jdbc);
        second.get().close();
        // the old pool closed its connection; the new one holds one
        assertThat(sessions()).isEqualTo(2);

        pools.close("c1");
        assertThat(sessions()).isEqualTo(1);
        assertThatThrownBy(() -> second.get()).isInstanceOf(SQLException.class);
    }

    /** Sessions open on the database, this test's own included. */
    private int sessions() throws SQLException {
        try (Statement statement = keepAlive.createStatement();
                var count = statement.executeQuery("SELECT count(*) FROM information_schema.sessions")) {
            count.next();
            return count.getInt(1);
        }
    }
}
