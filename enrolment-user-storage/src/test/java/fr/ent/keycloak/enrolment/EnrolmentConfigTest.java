package fr.ent.keycloak.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.provider.ProviderConfigProperty;

class EnrolmentConfigTest {

    /** The refusal as an English-speaking administrator reads it: its message key rendered from the jar's texts. */
    private static String english(org.assertj.core.api.ThrowableAssert.ThrowingCallable save) throws Exception {
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(save);
        assertThat(refused).isInstanceOf(ComponentValidationException.class);
        java.util.Properties texts = new java.util.Properties();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(
                java.nio.file.Path.of("src/main/resources/theme-resources/messages/messages_en.properties"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        ComponentValidationException e = (ComponentValidationException) refused;
        assertThat(texts).as("a text for %s", e.getMessage()).containsKey(e.getMessage());
        return java.text.MessageFormat.format(texts.getProperty(e.getMessage()), e.getParameters());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "jdbc:postgresql://db.example.org:5432/scolarite?sslmode=verify-full",
                "jdbc:h2:file:./data/enrolment",
                "  jdbc:postgresql://localhost/ent  "
            })
    void acceptsJdbcUrls(String url) {
        assertThatCode(() -> EnrolmentConfig.validate(model(url), true)).doesNotThrowAnyException();
    }

    @Test
    void refusesH2WhenTheServerDoesNotAllowItAndCodeInTheUrl() throws Exception {
        assertThat(english(() -> EnrolmentConfig.validate(model("jdbc:h2:file:./data/enrolment"), false)))
                .contains("allow-h2");
        assertThat(english(() ->
                        EnrolmentConfig.validate(model("jdbc:postgresql://db/s?socketFactory=org.example.Evil"), true)))
                .contains("socketfactory");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesAMissingUrl(String url) throws Exception {
        assertThat(english(() -> EnrolmentConfig.validate(model(url), true)))
                .contains("Set the JDBC URL of the enrolment database, or the name of a datasource");
    }

    @Test
    void acceptsAServerDatasourceInsteadOfAUrl() {
        ComponentModel model = model(null);
        model.put(EnrolmentConfig.DATASOURCE, "enrolment");
        assertThatCode(() -> EnrolmentConfig.validate(model, true)).doesNotThrowAnyException();
        assertThat(new EnrolmentConfig(model).datasource()).isEqualTo("enrolment");
    }

    @Test
    void refusesAUrlAndADatasourceTogether() throws Exception {
        ComponentModel model = model("jdbc:postgresql://db.example.org/scolarite");
        model.put(EnrolmentConfig.DATASOURCE, "enrolment");
        assertThat(english(() -> EnrolmentConfig.validate(model, true))).contains("not both");
    }

    @Test
    void aDatasourceTheServerLacksIsRefusedWithHowToAddIt() throws Exception {
        // outside Keycloak's Quarkus runtime there is no datasource at all
        ComponentModel model = model(null);
        model.put(EnrolmentConfig.DATASOURCE, "scolarite");
        assertThat(english(() -> new EnrolmentConfig(model).checkDatasource()))
                .contains("No datasource named \"scolarite\"")
                .contains("it has: -")
                .contains("db-url-full-scolarite");
        assertThatCode(() -> new EnrolmentConfig(model("jdbc:h2:mem:x")).checkDatasource())
                .doesNotThrowAnyException();
    }

    @Test
    void changingTheDatasourceChangesTheSource() {
        ComponentModel before = model(null);
        before.put(EnrolmentConfig.DATASOURCE, "enrolment");
        ComponentModel after = model(null);
        after.put(EnrolmentConfig.DATASOURCE, "enrolment2");
        assertThat(EnrolmentConfig.sourceSettings(before)).isNotEqualTo(EnrolmentConfig.sourceSettings(after));
    }

    @Test
    void keycloaksOwnDatabaseIsNeverOffered() {
        assertThat(ServerDataSources.find("<default>")).isEmpty();
        assertThat(ServerDataSources.find(" ")).isEmpty();
        assertThat(ServerDataSources.names()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"postgres://db.example.org/scolarite", "db.example.org:5432", "JDBC:postgresql://x/y"})
    void refusesUrlsThatAreNotJdbc(String url) throws Exception {
        assertThat(english(() -> EnrolmentConfig.validate(model(url), true))).contains("must start with \"jdbc:\"");
    }

    @Test
    void relationDefaultsToTheDesignName() {
        assertThat(new EnrolmentConfig(model("jdbc:h2:mem:x")).relation()).isEqualTo("ent_enrolment");
    }

    @Test
    void databasePasswordIsASecret() {
        assertThat(EnrolmentConfig.PROPERTIES)
                .filteredOn(property -> property.getName().equals(EnrolmentConfig.DB_PASSWORD))
                .singleElement()
                .satisfies(property -> {
                    assertThat(property.isSecret()).isTrue();
                    assertThat(property.getType()).isEqualTo(ProviderConfigProperty.PASSWORD);
                });
    }

    private static ComponentModel model(String url) {
        ComponentModel model = new ComponentModel();
        if (url != null) {
            model.put(EnrolmentConfig.JDBC_URL, url);
        }
        return model;
    }
}
