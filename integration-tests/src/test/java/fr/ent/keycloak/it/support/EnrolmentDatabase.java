package fr.ent.keycloak.it.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A real PostgreSQL database holding the enrolment relation ({@code ent_enrolment}), fresh for each test run.
 *
 * <p>It lives on the PostgreSQL server at {@code 127.0.0.1:5432} when one answers (CI and this project's machines),
 * otherwise on an embedded PostgreSQL started from a Maven Central artifact, so that {@code mvn verify} also works on
 * a laptop with only Java and Maven. Settings: {@code ent.it.postgres.url} (an admin connection, default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code ent.it.postgres.user} (default {@code postgres}),
 * {@code ent.it.postgres.password}, and {@code ent.it.postgres.embedded=true} to always use the embedded one.
 */
public final class EnrolmentDatabase implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;
    private final EmbeddedPostgres embedded;
    private final java.util.List<String> extraDatabases = new java.util.ArrayList<>();

    private EnrolmentDatabase(String adminUrl, String user, String password, String name, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
        this.embedded = embedded;
    }

    static EnrolmentDatabase start(Path ddl) {
        String name = "ent_it_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_"
                + ThreadLocalRandom.current().nextInt(1000, 10000);
        String adminUrl = ItSettings.property("ent.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = ItSettings.property("ent.it.postgres.user", "postgres");
        String password = ItSettings.property("ent.it.postgres.password", "");
        EmbeddedPostgres embedded = null;
        boolean forced = Boolean.parseBoolean(ItSettings.property("ent.it.postgres.embedded", "false"));
        if (forced || !answers(adminUrl, user, password)) {
            System.out.println("[ENT IT] "
                    + (forced ? "ent.it.postgres.embedded=true" : "No PostgreSQL answers at " + adminUrl)
                    + ": starting an embedded PostgreSQL");
            embedded = startEmbedded();
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
        EnrolmentDatabase database = new EnrolmentDatabase(adminUrl, user, password, name, embedded);
        database.create(ddl);
        System.out.println("[ENT IT] Enrolment database " + database.jdbcUrl());
        return database;
    }

    private static boolean answers(String url, String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static EmbeddedPostgres startEmbedded() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    private void create(Path ddl) {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " at " + adminUrl, e);
        }
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(ddl));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not create the enrolment schema from " + ddl, e);
        }
    }

    /** The JDBC URL of the enrolment database, as the Keycloak server reaches it. */
    public String jdbcUrl() {
        return urlOf(name);
    }

    /**
     * Creates another empty database on the same server (Keycloak's own database in the tests), dropped with the
     * enrolment database.
     *
     * @return its JDBC URL
     */
    String createDatabase(String suffix) {
        String database = name + "_" + suffix;
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " at " + adminUrl, e);
        }
        extraDatabases.add(database);
        return urlOf(database);
    }

    /** The JDBC URL of a database made by {@link #createDatabase} ({@code "keycloak"}: Keycloak's own). */
    public String jdbcUrlOf(String suffix) {
        return urlOf(name + "_" + suffix);
    }

    private String urlOf(String database) {
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A relay to this database server, to count or cut the connections that go through it; close it. */
    public TcpProxy proxy() {
        java.net.URI address = java.net.URI.create(jdbcUrl().substring("jdbc:".length()));
        return new TcpProxy(address.getHost(), address.getPort());
    }

    /** The JDBC URL of the enrolment database through {@code proxy}. */
    public String jdbcUrlThrough(TcpProxy proxy) {
        java.net.URI address = java.net.URI.create(jdbcUrl().substring("jdbc:".length()));
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + address.getRawPath()
                + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery());
    }

    /** A new connection to the enrolment database; close it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("[ENT IT] Could not stop the embedded PostgreSQL: " + e.getMessage());
            }
            return;
        }
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            for (String database : extraDatabases) {
                statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("[ENT IT] Could not drop database " + name + ": " + e.getMessage());
        }
    }
}
