package fr.ent.keycloak.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.ent.keycloak.support.ConsoleSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.userprofile.ValidationException;

class ConsoleSettingsTest {

    private static RequiredActionConfigModel config(String name, String value) {
        RequiredActionConfigModel config = new RequiredActionConfigModel();
        Map<String, String> values = new HashMap<>();
        values.put(name, value);
        config.setConfig(values);
        return config;
    }

    /** A setting, a value an administrator saves, and whether it is accepted. */
    @ParameterizedTest
    @CsvSource({
        "entActivationDelayMinutes, 60, true",
        "entActivationDelayMinutes, 0, true",
        "entActivationDelayMinutes, 15min, false",
        "entActivationDelayMinutes, -1, false",
        "entAccessEndsOn, 08-31, true",
        "entAccessEndsOn, 31/12, false",
        "entTimeZone, Europe/Paris, true",
        "entTimeZone, Paris, false",
        "entStudentMailsPerDay, 3, true",
        "entStudentMailsPerDay, 0, false",
        "entActivationLinkLifespanSeconds, 86400, true",
        "entActivationLinkLifespanSeconds, 60, false",
        "entPortalUrl, https://ent.example.org/, true",
        "entPortalUrl, ent.example.org, false",
        "entPortalUrl, javascript:alert(1), false",
        "entFirstConnectionMaxFailures, 5, true",
        "entFirstConnectionMaxFailures, cinq, false",
        "entFirstConnectionMaxPerAddress, 1001, false",
        "entFirstConnectionMaxWaiting, 500, true",
        "entFirstConnectionMaxWaiting, 0, false",
        "entFirstConnectionMaxWaiting, 100001, false",
        "entExpiryWarningDays, 181, false",
        "entAssistanceActionsPerHour, 60, true",
        "entAssistanceActionsPerHour, 0, false",
        "entAssistanceActionsPerHour, 1001, false",
        "entCharterVersion, 2026-1, true",
        "entHelpdesk, '', true"
    })
    void whatAnAdministratorSavesIsChecked(String name, String value, boolean accepted) {
        ValidationException refused =
                catchThrowableOfType(ValidationException.class, () -> ConsoleSettings.validate(config(name, value)));
        if (accepted) {
            assertThat(refused).isNull();
        } else {
            assertThat(refused).isNotNull();
            assertThat(refused.getErrors())
                    .anySatisfy(error -> assertThat(error.getAttribute()).isEqualTo(name));
        }
    }

    @Test
    void everySettingHasALabelAndAHelpTextInBothLanguages() throws Exception {
        for (String language : new String[] {"fr", "en"}) {
            Properties texts = new Properties();
            try (var in = Files.newBufferedReader(
                    Path.of("src/main/resources/theme-resources/messages/messages_" + language + ".properties"))) {
                texts.load(in);
            }
            for (ProviderConfigProperty property : ConsoleSettings.metadata()) {
                assertThat(texts).containsKey(property.getLabel()).containsKey(property.getHelpText());
            }
        }
        assertThat(ConsoleSettings.metadata())
                .extracting(ProviderConfigProperty::getName)
                .contains("entActivationDelayMinutes", "entAccessEndsOn", "entCharterVersion", "entHelpdesk");
    }
}
