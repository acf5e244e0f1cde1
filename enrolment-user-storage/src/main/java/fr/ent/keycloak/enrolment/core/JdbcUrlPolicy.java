package fr.ent.keycloak.enrolment.core;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which JDBC URLs an administrator may give the enrolment provider. A JDBC URL is code as much as an address: H2's
 * {@code INIT=} runs SQL (and Java) in Keycloak's JVM, drivers load classes named in parameters ({@code socketFactory},
 * {@code sslfactory}, interceptors) or write files ({@code loggerFile}). So the URL must use a database of the
 * allow-list, and each parameter must be one of that driver's known harmless settings (TLS, timeouts, schema, names).
 * H2 (the demo's database) is accepted only when the server allows it ({@code allow-h2}), and never with settings that
 * run code.
 */
public final class JdbcUrlPolicy {

    /** A refused URL: a message key for the admin's language and its parameter (never the URL itself). */
    public record Problem(String messageKey, String detail, String english) {}

    /** By URL prefix: the database's name and the parameters it may carry (lower case). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "jdbc:postgresql:",
            Set.of(
                    "ssl",
                    "sslmode",
                    "sslrootcert",
                    "sslcert",
                    "sslkey",
                    "channelbinding",
                    "gssencmode",
                    "currentschema",
                    "connecttimeout",
                    "logintimeout",
                    "sockettimeout",
                    "applicationname",
                    "targetservertype",
                    "tcpkeepalive",
                    "readonly",
                    "preparethreshold"),
            "jdbc:oracle:thin:",
            Set.of(),
            "jdbc:mysql:",
            Set.of(
                    "sslmode",
                    "usessl",
                    "requiressl",
                    "verifyservercertificate",
                    "servertimezone",
                    "connecttimeout",
                    "sockettimeout",
                    "characterencoding",
                    "useunicode",
                    "enabledtlsprotocols"),
            "jdbc:mariadb:",
            Set.of(
                    "sslmode",
                    "usessl",
                    "trustservercertificate",
                    "servercertificate",
                    "connecttimeout",
                    "sockettimeout",
                    "enabledsslprotocolsuites"),
            "jdbc:sqlserver:",
            Set.of(
                    "databasename",
                    "database",
                    "encrypt",
                    "trustservercertificate",
                    "hostnameincertificate",
                    "logintimeout",
                    "sockettimeout",
                    "applicationname"),
            "jdbc:h2:",
            Set.of(
                    "mode",
                    "db_close_delay",
                    "db_close_on_exit",
                    "ifexists",
                    "access_mode_data",
                    "database_to_upper",
                    "case_insensitive_identifiers",
                    "non_keywords",
                    "lock_timeout"));

    /**
     * The one form MySQL's and MariaDB's URLs may take: {@code //host[:port][,host[:port]…][/database]}, parameters
     * after {@code ?}. Their drivers also read properties inside the host block ({@code (host=h,port=3306,key=value)},
     * {@code address=(host=h)(key=value)}) and in other sub-protocols ({@code loadbalance:}, {@code replication:}): none
     * of those is accepted, so no property escapes the parameter allow-list.
     */
    private static final java.util.regex.Pattern MYSQL_FORM = java.util.regex.Pattern.compile(
            "//[a-z0-9.\\-]+(:[0-9]{1,5})?(,[a-z0-9.\\-]+(:[0-9]{1,5})?)*(/[a-z0-9_$\\-]*)?");

    private JdbcUrlPolicy() {}

    /**
     * @param url the JDBC URL an administrator saved
     * @param h2Allowed whether the server allows H2 (the demo)
     * @return empty when the URL may be used, else why not
     */
    public static Optional<Problem> problem(String url, boolean h2Allowed) {
        String lower = url.trim().toLowerCase(Locale.ROOT);
        String prefix =
                ALLOWED.keySet().stream().filter(lower::startsWith).findFirst().orElse(null);
        if (prefix == null) {
            return Optional.of(new Problem(
                    "entEnrolmentJdbcUrlDatabase",
                    "",
                    "The JDBC URL must be one of PostgreSQL (jdbc:postgresql:), Oracle (jdbc:oracle:thin:), MySQL"
                            + " (jdbc:mysql:), MariaDB (jdbc:mariadb:) or SQL Server (jdbc:sqlserver:)."));
        }
        if (prefix.equals("jdbc:h2:") && !h2Allowed) {
            return Optional.of(new Problem(
                    "entEnrolmentJdbcUrlH2",
                    "",
                    "An H2 database is only for the demo: this server does not allow it (server option"
                            + " spi-storage--ent-enrolment--allow-h2)."));
        }
        String rest = lower.substring(prefix.length());
        if ((prefix.equals("jdbc:mysql:") || prefix.equals("jdbc:mariadb:"))
                && !MYSQL_FORM
                        .matcher(rest.indexOf('?') < 0 ? rest : rest.substring(0, rest.indexOf('?')))
                        .matches()) {
            return Optional.of(new Problem(
                    "entEnrolmentJdbcUrlForm",
                    "",
                    "A MySQL or MariaDB JDBC URL must read //host:port/database, parameters after \"?\": no"
                            + " properties in the host part, no other sub-protocol."));
        }
        for (String parameter : parameters(rest, prefix)) {
            if (!ALLOWED.get(prefix).contains(parameter)) {
                return Optional.of(new Problem(
                        "entEnrolmentJdbcUrlParameter",
                        parameter,
                        "The JDBC URL parameter \"" + parameter + "\" is not allowed (only TLS, timeout, schema and"
                                + " name settings are)."));
            }
        }
        return Optional.empty();
    }

    /** The names of the URL's parameters: after {@code ?} joined by {@code &}, and H2's or SQL Server's {@code ;}. */
    static java.util.List<String> parameters(String rest, String prefix) {
        java.util.List<String> names = new java.util.ArrayList<>();
        boolean semicolons = prefix.equals("jdbc:h2:") || prefix.equals("jdbc:sqlserver:");
        int query = rest.indexOf('?');
        if (query >= 0) {
            collect(names, rest.substring(query + 1).split("&"));
            rest = rest.substring(0, query);
        }
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) {
            if (!semicolons) {
                // a ';' where this driver takes none: treated as a parameter list, so nothing slips through
                names.add(";");
            }
            collect(names, rest.substring(semicolon + 1).split(";"));
        }
        return names;
    }

    private static void collect(java.util.List<String> names, String[] pairs) {
        for (String pair : pairs) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            names.add((equals < 0 ? pair : pair.substring(0, equals)).trim());
        }
    }
}
