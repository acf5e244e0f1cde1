package fr.ent.keycloak.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.assistance.core.AssistanceAction;
import fr.ent.keycloak.assistance.core.Timeline;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's pages ship their texts in its own jar, in French and English: every key its templates ask for is
 * there (or in the activation jar's, which the console needs anyway), and so is every key made of parts.
 */
class ConsoleTextsTest {

    private static final Path OWN = Path.of("src/main/resources/theme-resources");
    private static final Path ACTIVATION = Path.of("../activation-required-action/src/main/resources/theme-resources");

    private static Set<String> keys(Path root, String language) throws IOException {
        Properties texts = new Properties();
        try (Reader in = Files.newBufferedReader(
                root.resolve("messages/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            texts.load(in);
        }
        return new TreeSet<>(texts.stringPropertyNames());
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(keys(OWN, "fr")).isEqualTo(keys(OWN, "en")).isNotEmpty();
    }

    @Test
    void everyKeyOfTheTemplatesIsShipped() throws IOException {
        Set<String> shipped = keys(OWN, "fr");
        shipped.addAll(keys(ACTIVATION, "fr"));
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("msg\\(\"(ent[A-Za-z0-9.]+)\"\\s*[,)]");
        try (Stream<Path> templates = Files.walk(OWN.resolve("templates"))) {
            for (Path template : templates.filter(Files::isRegularFile).toList()) {
                Matcher matcher = key.matcher(Files.readString(template));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        used.removeAll(shipped);
        assertThat(used).as("keys the templates ask for, shipped nowhere").isEmpty();
    }

    /** The console's texts go through MessageFormat, where a lone apostrophe swallows the rest of the text. */
    @Test
    void everyApostropheIsWrittenTwice() throws IOException {
        for (String language : new String[] {"fr", "en"}) {
            Properties texts = new Properties();
            try (Reader in = Files.newBufferedReader(
                    OWN.resolve("messages/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
                texts.load(in);
            }
            Set<String> lone = new TreeSet<>();
            for (String name : texts.stringPropertyNames()) {
                if (texts.getProperty(name).replace("''", "").contains("'")) {
                    lone.add(name);
                }
            }
            assertThat(lone)
                    .as("texts in %s with a lone apostrophe (write '')", language)
                    .isEmpty();
        }
    }

    /** Keys made of parts (a timeline line, an action, a state), which no pattern finds. */
    @Test
    void everyComposedKeyIsShipped() throws IOException {
        Set<String> composed = new TreeSet<>(Timeline.messageKeys());
        for (AssistanceAction action : AssistanceAction.values()) {
            composed.add("entAssistanceAction." + action.slug());
            composed.add("entAssistanceEffect." + action.slug());
            if (action != AssistanceAction.ISSUE_CODE) {
                composed.add("entAssistanceDone." + action.slug());
            }
        }
        for (String step : new String[] {"entDashboardPaid", "entDashboardMailed", "entDashboardActivated"}) {
            composed.add(step);
            composed.add(step + "Short");
        }
        for (String state : new String[] {"PENDING", "ACTIVATABLE", "ACTIVE", "EXPIRED"}) {
            composed.add("entAssistanceState" + state);
            composed.add("entAssistanceWhy" + state);
        }
        composed.removeAll(keys(OWN, "fr"));
        assertThat(composed)
                .as("composed keys not shipped in the console's jar")
                .isEmpty();
    }
}
