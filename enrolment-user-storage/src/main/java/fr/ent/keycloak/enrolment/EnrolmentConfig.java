package fr.ent.keycloak.enrolment;

import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The settings of one {@code ent-enrolment} component: declared for the admin console, read with defaults. */
final class EnrolmentConfig {

    static final String JDBC_URL = "jdbcUrl";
    static final String DB_USER = "dbUser";
    static final String DB_PASSWORD = "dbPassword";
    static final String RELATION = "relation";

    static final String DEFAULT_RELATION = "ent_enrolment";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property()
            .name(JDBC_URL)
            .label("JDBC URL")
            .helpText("Address of the enrolment database, for example jdbc:postgresql://db.example.org:5432/scolarite"
                    + "?sslmode=verify-full. TLS options go in the URL.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .required(true)
            .add()
            .property()
            .name(DB_USER)
            .label("Database user")
            .helpText("A read-only account of the enrolment database.")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .property()
            .name(DB_PASSWORD)
            .label("Database password")
            .helpText("Password of the database user.")
            .type(ProviderConfigProperty.PASSWORD)
            .secret(true)
            .add()
            .property()
            .name(RELATION)
            .label("Enrolment table or view")
            .helpText("The table or view that lists the students (one row per student).")
            .type(ProviderConfigProperty.STRING_TYPE)
            .defaultValue(DEFAULT_RELATION)
            .add()
            .build();

    private final ComponentModel model;

    EnrolmentConfig(ComponentModel model) {
        this.model = model;
    }

    String jdbcUrl() {
        return trimmed(JDBC_URL, "");
    }

    String relation() {
        return trimmed(RELATION, DEFAULT_RELATION);
    }

    private String trimmed(String key, String defaultValue) {
        String value = model.get(key);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    static void validate(ComponentModel model) {
        String url = new EnrolmentConfig(model).jdbcUrl();
        if (url.isEmpty()) {
            throw new ComponentValidationException("The JDBC URL of the enrolment database is required.");
        }
        if (!url.startsWith("jdbc:")) {
            throw new ComponentValidationException(
                    "The JDBC URL of the enrolment database must start with \"jdbc:\", for example"
                            + " jdbc:postgresql://host:5432/database.");
        }
    }
}
