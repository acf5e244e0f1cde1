package fr.ent.keycloak.enrolment.core;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the enrolment relation over JDBC. Every query is parameterised and bounded by a timeout; a connection is
 * opened per operation and closed after it, so no thread stays blocked on a dead database beyond the timeout.
 */
public final class EnrolmentSource {

    /** Opens a connection to the enrolment database: a new one, or one borrowed from a pool. */
    @FunctionalInterface
    public interface ConnectionSupplier {
        /** A connection; closing it releases it. */
        Connection get() throws SQLException;
    }

    /** Database work, run by a {@link Boundary}. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Where the database work of one operation runs. Inside Keycloak, outside the caller's transaction: a datasource
     * of the server would otherwise join it, and a read of the enrolment database has no business in Keycloak's
     * commit.
     */
    public interface Boundary {
        <T> T run(Work<T> work) throws SQLException;
    }

    /** The work runs where it is called. */
    public static final Boundary HERE = new Boundary() {
        @Override
        public <T> T run(Work<T> work) throws SQLException {
            return work.run();
        }
    };

    private final ConnectionSupplier connections;
    private final String url;
    private final ColumnMapping columns;
    private final int timeoutSeconds;
    private final Boundary boundary;

    /**
     * @param connections where connections come from
     * @param url the JDBC URL, named in messages (without its parameters)
     * @param columns the relation and its columns
     * @param timeoutSeconds the longest wait of each statement
     */
    public EnrolmentSource(ConnectionSupplier connections, String url, ColumnMapping columns, int timeoutSeconds) {
        this(connections, url, columns, timeoutSeconds, HERE);
    }

    private EnrolmentSource(
            ConnectionSupplier connections, String url, ColumnMapping columns, int timeoutSeconds, Boundary boundary) {
        this.connections = connections;
        this.url = url;
        this.columns = columns;
        this.timeoutSeconds = timeoutSeconds;
        this.boundary = boundary;
    }

    /** The same source, each operation of which runs within {@code boundary}. */
    public EnrolmentSource within(Boundary boundary) {
        return new EnrolmentSource(connections, url, columns, timeoutSeconds, boundary);
    }

    /** A source that opens a new connection for each operation (checks on save, tests). */
    public static EnrolmentSource unpooled(JdbcConnections jdbc, ColumnMapping columns) {
        return new EnrolmentSource(jdbc::open, jdbc.url(), columns, jdbc.timeoutSeconds());
    }

    /** One row as read: a record, or the reason it could not be read (with the student number when known). */
    public record Row(StudentRecord record, String studentNumber, String error) {
        static Row of(StudentRecord record) {
            return new Row(record, record.studentNumber(), null);
        }

        static Row unreadable(String studentNumber, String error) {
            return new Row(null, studentNumber, error);
        }
    }

    /** Every student. */
    public List<Row> readAll() throws SQLException {
        return query(columns.selectAll());
    }

    /** The students whose row changed after {@code since}. */
    public List<Row> readChangedSince(Instant since) throws SQLException {
        return query(columns.selectChangedSince(), Timestamp.from(since));
    }

    /** The student whose login, student number or INE is {@code identifier}. */
    public Optional<Row> find(String identifier) throws SQLException {
        List<Row> rows = query(columns.selectByIdentifier(), identifier, identifier, identifier);
        return rows.size() == 1 ? Optional.of(rows.get(0)) : Optional.empty();
    }

    /**
     * Checks that the database answers and that the relation has every mapped column.
     *
     * @return a problem an administrator can act on, or empty when everything is there
     */
    public Optional<String> check() {
        try {
            return boundary.run(() -> {
                try (Connection connection = connections.get();
                        PreparedStatement statement = connection.prepareStatement(columns.probe())) {
                    statement.setQueryTimeout(timeoutSeconds);
                    statement.executeQuery().close();
                    return Optional.<String>empty();
                }
            });
        } catch (SQLException e) {
            return Optional.of(describe(e));
        }
    }

    private List<Row> query(String sql, Object... parameters) throws SQLException {
        return boundary.run(() -> select(sql, parameters));
    }

    private List<Row> select(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connections.get()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setQueryTimeout(timeoutSeconds);
                statement.setFetchSize(1000);
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                List<Row> rows = new ArrayList<>();
                try (ResultSet results = statement.executeQuery()) {
                    while (results.next()) {
                        rows.add(read(results));
                    }
                }
                return rows;
            } finally {
                release(connection);
            }
        }
    }

    /** Read-only work: nothing to keep, and a pooled connection goes back as it came. */
    private static void release(Connection connection) {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            connection.setReadOnly(false);
        } catch (SQLException broken) {
            // the connection is closed next; a pool discards a broken one
        }
    }

    private Row read(ResultSet results) {
        String studentNumber = null;
        try {
            studentNumber = results.getString(1);
            Integer lastYear = results.getInt(8);
            if (results.wasNull()) {
                lastYear = null;
            }
            return Row.of(new StudentRecord(
                    trim(studentNumber),
                    trim(results.getString(2)),
                    trim(results.getString(3)),
                    trim(results.getString(4)),
                    trim(results.getString(5)),
                    results.getObject(6, LocalDate.class),
                    trim(results.getString(7)),
                    lastYear,
                    trim(results.getString(9)),
                    instant(results.getObject(10, OffsetDateTime.class)),
                    instant(results.getObject(11, OffsetDateTime.class))));
        } catch (SQLException | RuntimeException e) {
            return Row.unreadable(
                    studentNumber, "unreadable value (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }

    /** A database error in words an administrator understands, without the password. */
    public String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("No suitable driver") || message.contains("no JDBC driver")) {
            return "no JDBC driver for " + url.replaceAll("\\?.*", "") + " in this Keycloak";
        }
        if (message.startsWith("Acquisition timeout")) {
            return "cannot connect to the enrolment database: no connection within " + timeoutSeconds + " s";
        }
        if (state.startsWith("08")) {
            return "cannot connect to the enrolment database: " + message;
        }
        if (state.equals("42P01") || state.equals("42S02") || state.equals("42S04")) {
            return "table or view " + columns.relation() + " not found";
        }
        if (state.equals("42703") || state.equals("42S22") || state.equals("42122")) {
            return "a mapped column is missing from " + columns.relation() + ": " + message;
        }
        return message;
    }
}
