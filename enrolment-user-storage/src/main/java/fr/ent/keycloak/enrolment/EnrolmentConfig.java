package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.InvalidSettingException;
import fr.ent.keycloak.common.Settings;
import fr.ent.keycloak.enrolment.core.ColumnMapping;
import fr.ent.keycloak.enrolment.core.EnrolmentSource;
import fr.ent.keycloak.enrolment.core.JdbcConnections;
import fr.ent.keycloak.enrolment.core.JdbcUrlPolicy;
import fr.ent.keycloak.enrolment.core.MassDisableGuard;
import fr.ent.keycloak.enrolment.core.Retention;
import fr.ent.keycloak.enrolment.core.UniversityAddress;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The settings of one {@code ent-enrolment} component: declared for the admin console, read with defaults. */
final class EnrolmentConfig {

    static final String JDBC_URL = "jdbcUrl";
    static final String DATASOURCE = "datasource";
    static final String DB_USER = "dbUser";
    static final String DB_PASSWORD = "dbPassword";
    static final String RELATION = "relation";
    static final String QUERY_TIMEOUT = "queryTimeoutSeconds";
    static final String MAX_DISABLE_PERCENT = "maxDisablePercent";
    static final String FRESHNESS = "freshnessSeconds";
    static final String COLUMN_PREFIX = "column.";
    /** The pattern of the university addresses ({@code {login}@etu.example.fr}); empty: none. */
    static final String MAIL_PATTERN = "universityMailPattern";
    /**
     * Where the retention was set before it became a realm setting ({@code entRetentionMonths}, with the lifecycle's
     * other settings): no longer read, and a value still there is reported in the log.
     */
    static final String FORMER_RETENTION_MONTHS = "retentionMonths";
    /** The largest share of the source's accounts one deletion run may delete. */
    static final String MAX_DELETE_PERCENT = "maxDeletePercent";
    /** When on, the deletion run lists what it would delete and deletes nothing. */
    static final String RETENTION_DRY_RUN = "retentionDryRun";
    /** Days a run must have seen an account due for deletion before a later run deletes it. */
    static final String RETENTION_GRACE_DAYS = "retentionGraceDays";

    static final int MAX_GRACE_DAYS = 365;

    static final String DEFAULT_RELATION = "ent_enrolment";
    static final int DEFAULT_QUERY_TIMEOUT = 5;
    static final int DEFAULT_FRESHNESS = 3600;
    static final int MAX_FRESHNESS = 7 * 24 * 3600;

    static final List<ProviderConfigProperty> PROPERTIES = properties();

    /**
     * The settings the console shows. Labels and help texts are message keys ({@code entEnrolment.<name>.label},
     * {@code .help}) of the jar's {@code theme-resources/messages}, in French and English.
     */
    private static List<ProviderConfigProperty> properties() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        add(builder, JDBC_URL, ProviderConfigProperty.STRING_TYPE, null);
        add(builder, DATASOURCE, ProviderConfigProperty.STRING_TYPE, null);
        add(builder, DB_USER, ProviderConfigProperty.STRING_TYPE, null);
        builder.property()
                .name(DB_PASSWORD)
                .label(labelKey(DB_PASSWORD))
                .helpText(helpKey(DB_PASSWORD))
                .type(ProviderConfigProperty.PASSWORD)
                .secret(true)
                .add();
        add(builder, RELATION, ProviderConfigProperty.STRING_TYPE, DEFAULT_RELATION);
        add(builder, QUERY_TIMEOUT, ProviderConfigProperty.STRING_TYPE, Integer.toString(DEFAULT_QUERY_TIMEOUT));
        add(
                builder,
                MAX_DISABLE_PERCENT,
                ProviderConfigProperty.STRING_TYPE,
                Integer.toString(MassDisableGuard.DEFAULT_MAX_PERCENT));
        add(builder, FRESHNESS, ProviderConfigProperty.STRING_TYPE, Integer.toString(DEFAULT_FRESHNESS));
        add(builder, MAIL_PATTERN, ProviderConfigProperty.STRING_TYPE, null);
        add(
                builder,
                MAX_DELETE_PERCENT,
                ProviderConfigProperty.STRING_TYPE,
                Integer.toString(Retention.DEFAULT_MAX_PERCENT));
        add(builder, RETENTION_DRY_RUN, ProviderConfigProperty.BOOLEAN_TYPE, "false");
        add(
                builder,
                RETENTION_GRACE_DAYS,
                ProviderConfigProperty.STRING_TYPE,
                Integer.toString(Retention.DEFAULT_GRACE_DAYS));
        for (Map.Entry<String, String> column : ColumnMapping.DEFAULTS.columns().entrySet()) {
            add(builder, COLUMN_PREFIX + column.getKey(), ProviderConfigProperty.STRING_TYPE, column.getValue());
        }
        return builder.build();
    }

    private static void add(ProviderConfigurationBuilder builder, String name, String type, String defaultValue) {
        builder.property()
                .name(name)
                .label(labelKey(name))
                .helpText(helpKey(name))
                .type(type)
                .defaultValue(defaultValue)
                .add();
    }

    static String labelKey(String name) {
        return "entEnrolment." + name + ".label";
    }

    static String helpKey(String name) {
        return "entEnrolment." + name + ".help";
    }

    private final ComponentModel model;

    EnrolmentConfig(ComponentModel model) {
        this.model = model;
    }

    String jdbcUrl() {
        return trimmed(JDBC_URL, "");
    }

    /** The name of the server's datasource to read, or empty when the JDBC URL is used. */
    String datasource() {
        return trimmed(DATASOURCE, "");
    }

    String relation() {
        return trimmed(RELATION, DEFAULT_RELATION);
    }

    int queryTimeoutSeconds() {
        return integer(QUERY_TIMEOUT, DEFAULT_QUERY_TIMEOUT, 1, 300);
    }

    int maxDisablePercent() {
        return integer(MAX_DISABLE_PERCENT, MassDisableGuard.DEFAULT_MAX_PERCENT, 0, 100);
    }

    int maxDeletePercent() {
        return integer(MAX_DELETE_PERCENT, Retention.DEFAULT_MAX_PERCENT, 0, 100);
    }

    int retentionGraceDays() {
        return integer(RETENTION_GRACE_DAYS, Retention.DEFAULT_GRACE_DAYS, 1, MAX_GRACE_DAYS);
    }

    boolean retentionDryRun() {
        return Boolean.parseBoolean(trimmed(RETENTION_DRY_RUN, "false"));
    }

    int freshnessSeconds() {
        return integer(FRESHNESS, DEFAULT_FRESHNESS, 0, MAX_FRESHNESS);
    }

    /** @throws IllegalArgumentException when a name is not a valid SQL identifier */
    ColumnMapping columns() {
        ColumnMapping d = ColumnMapping.DEFAULTS;
        return new ColumnMapping(
                relation(),
                column("student_number", d.studentNumber()),
                column("login", d.login()),
                column("ine", d.ine()),
                column("first_name", d.firstName()),
                column("last_name", d.lastName()),
                column("birth_date", d.birthDate()),
                column("personal_email", d.personalEmail()),
                column("last_academic_year", d.lastAcademicYear()),
                column("program_label", d.programLabel()),
                column("fee_paid_at", d.feePaidAt()),
                column("updated_at", d.updatedAt()));
    }

    JdbcConnections jdbc() {
        return new JdbcConnections(jdbcUrl(), model.get(DB_USER), model.get(DB_PASSWORD), queryTimeoutSeconds());
    }

    /**
     * The source with a new connection per operation (or the server's datasource): for the check when an
     * administrator saves.
     */
    EnrolmentSource unpooledSource(KeycloakSessionFactory sessionFactory) {
        if (!datasource().isEmpty()) {
            return serverSource(sessionFactory);
        }
        return EnrolmentSource.unpooled(jdbc(), columns()).within(new OutsideTransaction(sessionFactory));
    }

    /** The source with this node's pool of the component, or the server's datasource. */
    EnrolmentSource source(ConnectionPools pools, KeycloakSessionFactory sessionFactory) {
        if (!datasource().isEmpty()) {
            return serverSource(sessionFactory);
        }
        JdbcConnections jdbc = jdbc();
        return new EnrolmentSource(
                        pools.connections(model.getId(), sourceSettings(model), jdbc),
                        jdbc.url(),
                        columns(),
                        queryTimeoutSeconds())
                .within(new OutsideTransaction(sessionFactory));
    }

    /** The server's datasource: its pool and account are the server's; the query timeout is this component's. */
    private EnrolmentSource serverSource(KeycloakSessionFactory sessionFactory) {
        String name = datasource();
        EnrolmentSource.ConnectionSupplier connections = () -> ServerDataSources.find(name)
                .orElseThrow(
                        () -> new SQLException("no datasource named \"" + name + "\" on this Keycloak server", "08001"))
                .getConnection();
        return new EnrolmentSource(connections, "datasource " + name, columns(), queryTimeoutSeconds())
                .within(new OutsideTransaction(sessionFactory));
    }

    private String column(String field, String defaultName) {
        return trimmed(COLUMN_PREFIX + field, defaultName);
    }

    private String trimmed(String key, String defaultValue) {
        String value = model.get(key);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    /** A whole-number setting; a wrong value (refused when saved) is never replaced by the default. */
    private int integer(String key, int defaultValue, int min, int max) {
        return Settings.wholeNumber(key, model.get(key), defaultValue, min, max);
    }

    /** The settings that say where and how the students are read, to tell whether a save changes them. */
    static Map<String, String> sourceSettings(ComponentModel model) {
        Map<String, String> settings = new java.util.TreeMap<>();
        model.getConfig().forEach((key, values) -> {
            if (key.equals(JDBC_URL)
                    || key.equals(DATASOURCE)
                    || key.equals(QUERY_TIMEOUT)
                    || key.equals(DB_USER)
                    || key.equals(DB_PASSWORD)
                    || key.equals(RELATION)
                    || key.startsWith(COLUMN_PREFIX)) {
                settings.put(key, values == null || values.isEmpty() ? "" : String.valueOf(values.get(0)));
            }
        });
        return settings;
    }

    /** Checks the settings an administrator saves; the database itself is checked by the factory. */
    static void validate(ComponentModel model, boolean h2Allowed) {
        EnrolmentConfig config = new EnrolmentConfig(model);
        String url = config.jdbcUrl();
        String datasource = config.datasource();
        if (url.isEmpty() && datasource.isEmpty()) {
            throw new ComponentValidationException("entEnrolmentNoSource");
        }
        if (!url.isEmpty() && !datasource.isEmpty()) {
            throw new ComponentValidationException("entEnrolmentBothSources");
        }
        if (datasource.isEmpty() && !url.startsWith("jdbc:")) {
            throw new ComponentValidationException("entEnrolmentNotJdbc");
        }
        if (datasource.isEmpty()) {
            JdbcUrlPolicy.problem(url, h2Allowed).ifPresent(problem -> {
                throw new ComponentValidationException(problem.messageKey(), problem.detail());
            });
        }
        checkInteger(model, QUERY_TIMEOUT, 1, 300);
        checkInteger(model, MAX_DISABLE_PERCENT, 0, 100);
        checkInteger(model, FRESHNESS, 0, MAX_FRESHNESS);
        checkInteger(model, MAX_DELETE_PERCENT, 0, 100);
        checkInteger(model, RETENTION_GRACE_DAYS, 1, MAX_GRACE_DAYS);
        UniversityAddress.problem(model.get(MAIL_PATTERN)).ifPresent(problem -> {
            throw new ComponentValidationException(problem, model.get(MAIL_PATTERN));
        });
        try {
            config.columns();
        } catch (IllegalArgumentException e) {
            // the message names the column and the rule of SQL names, no data
            throw new ComponentValidationException("entEnrolmentColumns", e.getMessage());
        }
    }

    /**
     * Checks that the named datasource exists on this server (when an administrator saves; a realm imported at
     * start-up is not refused for it).
     */
    void checkDatasource() {
        String name = datasource();
        if (name.isEmpty() || ServerDataSources.find(name).isPresent()) {
            return;
        }
        Set<String> known = ServerDataSources.names();
        throw new ComponentValidationException(
                "entEnrolmentNoDatasource", name, known.isEmpty() ? "-" : String.join(", ", known));
    }

    /** A whole number within bounds; refused with a message key whose first parameter is the setting's label key. */
    private static void checkInteger(ComponentModel model, String key, int min, int max) {
        try {
            Settings.wholeNumber(key, model.get(key), min, min, max);
        } catch (InvalidSettingException e) {
            throw new ComponentValidationException(
                    "entEnrolmentWholeNumber", key, Integer.toString(min), Integer.toString(max), model.get(key));
        }
    }
}
