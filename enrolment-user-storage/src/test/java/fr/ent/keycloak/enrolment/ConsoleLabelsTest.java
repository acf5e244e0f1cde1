package fr.ent.keycloak.enrolment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.provider.ProviderConfigProperty;

/** The console shows every setting of the enrolment federation with a label and a help text, in French and English. */
class ConsoleLabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everySettingHasALabelAndAHelpText(String language) throws Exception {
        Properties texts = new Properties();
        try (Reader in = Files.newBufferedReader(
                Path.of("src/main/resources/theme-resources/messages/messages_" + language + ".properties"),
                StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        for (ProviderConfigProperty property : EnrolmentConfig.PROPERTIES) {
            assertThat(property.getLabel()).startsWith("entEnrolment.");
            assertThat(texts.getProperty(property.getLabel()))
                    .as("label of %s", property.getName())
                    .isNotBlank();
            assertThat(texts.getProperty(property.getHelpText()))
                    .as("help of %s", property.getName())
                    .isNotBlank();
        }
        assertThat(EnrolmentConfig.PROPERTIES).hasSizeGreaterThan(10);
    }
}
