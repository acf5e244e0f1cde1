package fr.ent.keycloak.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The theme speaks French first and English second: every key exists in both languages, and every text survives
 * Java's MessageFormat, through which Keycloak renders it (a lone apostrophe would silently eat the rest of a text).
 */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void everyKeyIsTranslatedInBothLanguages(String type) throws IOException {
        Properties french = bundle(type, "fr");
        Properties english = bundle(type, "en");

        Set<String> missingInEnglish = new TreeSet<>(french.stringPropertyNames());
        missingInEnglish.removeAll(english.stringPropertyNames());
        Set<String> missingInFrench = new TreeSet<>(english.stringPropertyNames());
        missingInFrench.removeAll(french.stringPropertyNames());

        assertThat(missingInEnglish)
                .as("keys of messages_fr missing in messages_en")
                .isEmpty();
        assertThat(missingInFrench)
                .as("keys of messages_en missing in messages_fr")
                .isEmpty();
        assertThat(french.stringPropertyNames()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"login/fr", "login/en", "email/fr", "email/en"})
    void everyApostropheSurvivesMessageFormat(String typeAndLanguage) throws IOException {
        String[] parts = typeAndLanguage.split("/");
        Properties messages = bundle(parts[0], parts[1]);
        List<String> broken = new ArrayList<>();
        for (String key : new TreeSet<>(messages.stringPropertyNames())) {
            String text = messages.getProperty(key);
            String rendered;
            try {
                rendered = new MessageFormat(text, Locale.ROOT).format(new Object[] {"A", "B", "C"});
            } catch (IllegalArgumentException e) {
                broken.add(key + " (" + e.getMessage() + ")");
                continue;
            }
            long apostrophesWritten = text.chars().filter(c -> c == '\'').count();
            long apostrophesShown = rendered.chars().filter(c -> c == '\'').count();
            if (apostrophesWritten != 2 * apostrophesShown) {
                broken.add(key + ": write each apostrophe as '' (" + text + ")");
            }
        }
        assertThat(broken).isEmpty();
    }

    private static Properties bundle(String type, String language) throws IOException {
        String path = "/theme/ent/" + type + "/messages/messages_" + language + ".properties";
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
