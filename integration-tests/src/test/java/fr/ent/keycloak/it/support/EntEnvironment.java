package fr.ent.keycloak.it.support;

import java.util.Map;

/**
 * Everything a test run needs, started once per test JVM: the enrolment database (PostgreSQL), the SMTP server
 * (GreenMail) and the Keycloak server, which keeps its own data in PostgreSQL as in production and is wired to both
 * through the realm file's placeholders.
 */
final class EntEnvironment implements AutoCloseable {

    final EnrolmentDatabase enrolmentDatabase;
    final MailServer mail;
    final KeycloakServer keycloak;

    private EntEnvironment(EnrolmentDatabase enrolmentDatabase, MailServer mail, KeycloakServer keycloak) {
        this.enrolmentDatabase = enrolmentDatabase;
        this.mail = mail;
        this.keycloak = keycloak;
    }

    static EntEnvironment start() {
        EnrolmentDatabase database = EnrolmentDatabase.start(ItSettings.enrolmentDdl());
        MailServer mail = null;
        try {
            mail = MailServer.start();
            // (Keycloak on PostgreSQL also gives the server the PostgreSQL JDBC driver the enrolment source needs)
            String keycloakDatabase = database.createDatabase("keycloak");
            KeycloakServer keycloak = KeycloakServer.start(
                    ItSettings.keycloakHome(),
                    ItSettings.realmFile(),
                    serverEnvironment(database, mail, keycloakDatabase),
                    ItSettings.outputDir().resolve("keycloak-server.log"));
            allowOneNetworkManyRequests(keycloak);
            EntEnvironment environment = new EntEnvironment(database, mail, keycloak);
            // stop the server even when the test JVM is interrupted (Ctrl-C on mvn)
            Runtime.getRuntime().addShutdownHook(new Thread(environment::close, "ent-it-shutdown"));
            return environment;
        } catch (RuntimeException e) {
            if (mail != null) {
                mail.close();
            }
            database.close();
            throw e;
        }
    }

    /**
     * Every test reaches "1ère connexion" from 127.0.0.1, where a campus would spread its students over many networks:
     * the shared server allows that one network {@value #REQUESTS_PER_NETWORK} requests an hour (realm attribute
     * {@code entFirstConnectionMaxPerAddress}, read when the console leaves it unset) instead of 30, so that the
     * number of tests does not decide which one meets the limit. The tests of the limit set their own.
     */
    private static void allowOneNetworkManyRequests(KeycloakServer keycloak) {
        org.keycloak.admin.client.resource.RealmResource realm =
                keycloak.admin().realm(KeycloakServer.REALM);
        org.keycloak.representations.idm.RealmRepresentation representation = realm.toRepresentation();
        Map<String, String> attributes = new java.util.HashMap<>(
                representation.getAttributes() == null ? Map.of() : representation.getAttributes());
        attributes.put("entFirstConnectionMaxPerAddress", Integer.toString(REQUESTS_PER_NETWORK));
        representation.setAttributes(attributes);
        realm.update(representation);
    }

    static final int REQUESTS_PER_NETWORK = 1000;

    /** The name of the server datasource of the enrolment database ({@code db-kind-enrolment}...). */
    public static final String ENROLMENT_DATASOURCE = "enrolment";

    /** What a test server reads from its environment: its database, the SMTP server, the enrolment source. */
    static Map<String, String> serverEnvironment(EnrolmentDatabase database, MailServer mail, String keycloakDatabase) {
        return Map.ofEntries(
                // Keycloak's own data on PostgreSQL too, as in production
                Map.entry("KC_DB", "postgres"),
                Map.entry("KC_DB_URL", keycloakDatabase),
                Map.entry("KC_DB_USERNAME", database.user()),
                Map.entry("KC_DB_PASSWORD", database.password()),
                // the mail task says when a run ends: tests wait for runs instead of sleeping
                Map.entry(
                        "KC_LOG_LEVEL",
                        ItSettings.property(
                                "ent.it.log.level",
                                "info,fr.ent.keycloak.activation.schedule.LifecycleMailTask:debug")),
                Map.entry("ENT_SMTP_HOST", "127.0.0.1"),
                Map.entry("ENT_SMTP_PORT", Integer.toString(mail.smtpPort())),
                Map.entry("ENT_ENROLMENT_JDBC_URL", database.jdbcUrl()),
                Map.entry("ENT_ENROLMENT_DB_USER", database.user()),
                Map.entry("ENT_ENROLMENT_DB_PASSWORD", database.password()),
                // the enrolment database also as a datasource of the server, as docs/enrolment.md describes
                Map.entry("KC_DB_KIND_" + ENROLMENT_DATASOURCE.toUpperCase(java.util.Locale.ROOT), "postgres"),
                Map.entry(
                        "KC_DB_URL_FULL_" + ENROLMENT_DATASOURCE.toUpperCase(java.util.Locale.ROOT),
                        database.jdbcUrl()),
                Map.entry("KC_DB_USERNAME_" + ENROLMENT_DATASOURCE.toUpperCase(java.util.Locale.ROOT), database.user()),
                Map.entry(
                        "KC_DB_PASSWORD_" + ENROLMENT_DATASOURCE.toUpperCase(java.util.Locale.ROOT),
                        database.password()),
                Map.entry("KC_DB_POOL_MAX_SIZE_" + ENROLMENT_DATASOURCE.toUpperCase(java.util.Locale.ROOT), "4"),
                // as docker/compose.yaml: X-Forwarded-* believed only from the load balancer (an address no test
                // request comes from), so a client's own header never names its address
                Map.entry("KC_PROXY_HEADERS", "xforwarded"),
                Map.entry("KC_PROXY_TRUSTED_ADDRESSES", "192.0.2.10"),
                // tests trigger syncs themselves
                Map.entry("ENT_ENROLMENT_FULL_SYNC_PERIOD", "-1"),
                Map.entry("ENT_ENROLMENT_CHANGED_SYNC_PERIOD", "-1"),
                // as docs/enrolment.md advises for first imports of many students (the load driver)
                Map.entry("KC_TRANSACTION_DEFAULT_TIMEOUT", "1h"),
                // the test-only ent-test-clock jar answers (tests move the server's clock)
                Map.entry("ENT_TEST_CLOCK", "enabled"),
                // activation emails within seconds rather than within a minute
                Map.entry("KC_SPI_REQUIRED_ACTION__ENT_ACTIVATION_START__MAIL_INTERVAL_SECONDS", "1"));
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        keycloak.close();
        mail.close();
        enrolmentDatabase.close();
    }
}
