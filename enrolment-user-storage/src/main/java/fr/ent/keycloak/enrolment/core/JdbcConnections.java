package fr.ent.keycloak.enrolment.core;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * How to reach the enrolment database: the URL, the account, and the JDBC driver that accepts the URL, found with
 * this class's loader (inside Keycloak, the drivers of the distribution are not registered with
 * {@code DriverManager}). {@link #open()} opens a new connection; a pool uses {@link #driverClass()} and
 * {@link #properties()} to open its own.
 */
public final class JdbcConnections {

    /** The JDBC drivers a Keycloak distribution may ship, by URL prefix. */
    private static final Map<String, String> DRIVERS = Map.of(
            "jdbc:postgresql:", "org.postgresql.Driver",
            "jdbc:h2:", "org.h2.Driver",
            "jdbc:mariadb:", "org.mariadb.jdbc.Driver",
            "jdbc:mysql:", "com.mysql.cj.jdbc.Driver",
            "jdbc:oracle:", "oracle.jdbc.OracleDriver",
            "jdbc:sqlserver:", "com.microsoft.sqlserver.jdbc.SQLServerDriver");

    private final String url;
    private final String user;
    private final String password;
    private final int timeoutSeconds;

    public JdbcConnections(String url, String user, String password, int timeoutSeconds) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.timeoutSeconds = timeoutSeconds;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /** A new connection, bounded by the timeout; close it. */
    public Connection open() throws SQLException {
        Properties properties = properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        Driver driver = driver();
        Connection connection = driver == null ? null : driver.connect(url, properties);
        return connection != null ? connection : DriverManager.getConnection(url, properties);
    }

    /**
     * The driver's own settings that bound every wait (connection, login, socket) by the timeout, where the driver
     * has them; the account is not included.
     */
    public Properties properties() {
        Properties properties = new Properties();
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
            properties.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
            properties.setProperty("socketTimeout", Integer.toString(timeoutSeconds * 2 + 5));
            properties.setProperty("ApplicationName", "keycloak-ent-enrolment");
        }
        return properties;
    }

    /** The class of the driver that accepts the URL, or null when this Keycloak has none. */
    public Class<? extends Driver> driverClass() {
        Driver driver = driver();
        return driver == null ? null : driver.getClass();
    }

    private Driver driver() {
        for (Map.Entry<String, String> known : DRIVERS.entrySet()) {
            if (url.startsWith(known.getKey())) {
                for (ClassLoader loader : new ClassLoader[] {
                    JdbcConnections.class.getClassLoader(),
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
        for (Driver driver : ServiceLoader.load(Driver.class, JdbcConnections.class.getClassLoader())) {
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
}
