package fr.ent.keycloak.enrolment.core;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Reads the enrolment relation over JDBC. Every query is parameterised and bounded by a timeout; a connection is
 * opened per operation and closed after it, so no thread stays blocked on a dead database beyond the timeout.
 */
public final class EnrolmentSource {

    private final String url;
    private final String user;
    private final String password;
    private final ColumnMapping columns;
    private final int timeoutSeconds;

    public EnrolmentSource(String url, String user, String password, ColumnMapping columns, int timeoutSeconds) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.columns = columns;
        this.timeoutSeconds = timeoutSeconds;
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
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(columns.probe())) {
            statement.setQueryTimeout(timeoutSeconds);
            statement.executeQuery().close();
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(describe(e));
        }
    }

    private List<Row> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect()) {
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
                connection.rollback();
                return rows;
            }
        }
    }

    /**
     * Opens a connection with the JDBC driver that accepts the URL, found with this class's loader: inside Keycloak,
     * the drivers of the distribution (PostgreSQL, H2, …) are not registered with {@code DriverManager}.
     */
    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
            properties.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
            properties.setProperty("socketTimeout", Integer.toString(timeoutSeconds * 2 + 5));
            properties.setProperty("ApplicationName", "keycloak-ent-enrolment");
        }
        Driver driver = driver();
        Connection connection = driver == null ? null : driver.connect(url, properties);
        return connection != null ? connection : DriverManager.getConnection(url, properties);
    }

    /** The JDBC drivers a Keycloak distribution ships, by URL prefix. */
    private static final Map<String, String> DRIVERS = Map.of(
            "jdbc:postgresql:", "org.postgresql.Driver",
            "jdbc:h2:", "org.h2.Driver",
            "jdbc:mariadb:", "org.mariadb.jdbc.Driver",
            "jdbc:mysql:", "com.mysql.cj.jdbc.Driver",
            "jdbc:oracle:", "oracle.jdbc.OracleDriver",
            "jdbc:sqlserver:", "com.microsoft.sqlserver.jdbc.SQLServerDriver");

    private Driver driver() {
        for (Map.Entry<String, String> known : DRIVERS.entrySet()) {
            if (url.startsWith(known.getKey())) {
                for (ClassLoader loader : new ClassLoader[] {
                    EnrolmentSource.class.getClassLoader(),
                    Thread.currentThread().getContextClassLoader()
                }) {
                    try {
                        return (Driver) Class.forName(known.getValue(), true, loader)
                                .getDeclaredConstructor()
                                .newInstance();
                    } catch (ReflectiveOperationException | LinkageError | RuntimeException notHere) {
                        // try the next loader
                    }
                }
            }
        }
        for (Driver driver : ServiceLoader.load(Driver.class, EnrolmentSource.class.getClassLoader())) {
            try {
                if (driver.acceptsURL(url)) {
                    return driver;
                }
            } catch (SQLException e) {
                // not this one
            }
        }
        return null;
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
        if (message.contains("No suitable driver")) {
            return "no JDBC driver for " + url.replaceAll("\\?.*", "") + " in this Keycloak";
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
