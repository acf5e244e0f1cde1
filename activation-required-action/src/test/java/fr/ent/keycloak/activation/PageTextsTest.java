package fr.ent.keycloak.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module's own pages and emails ship in its jar ({@code theme-resources}), so that it works under any login and
 * email theme: every key a template or the code asks for is there, in French and in English, and survives
 * MessageFormat.
 */
class PageTextsTest {

    private static final Path RESOURCES = Path.of("src/main/resources/theme-resources");

    @ParameterizedTest
    @ValueSource(strings = {"messages"})
    void everyKeyIsInBothLanguages(String bundle) throws IOException {
        Set<String> french = bundle(bundle, "fr").stringPropertyNames();
        Set<String> english = bundle(bundle, "en").stringPropertyNames();
        assertThat(new TreeSet<>(french)).isEqualTo(new TreeSet<>(english));
    }

    @Test
    void everyEntKeyOfTheTemplatesAndTheCodeIsShipped() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("msg\\(\"(ent[A-Za-z0-9]+)\"\\s*[,)]|\"(ent[A-Z][A-Za-z0-9]+)\"");
        List<Path> sources = new ArrayList<>();
        for (Path root : List.of(RESOURCES.resolve("templates"), Path.of("src/main/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).forEach(sources::add);
            }
        }
        for (Path source : sources) {
            Matcher matcher = key.matcher(Files.readString(source));
            while (matcher.find()) {
                boolean template = source.toString().endsWith(".ftl");
                if (template && matcher.group(1) != null) {
                    used.add(matcher.group(1));
                } else if (!template && matcher.group(2) != null && isMessageKey(matcher.group(2))) {
                    // in the code, message keys only: not attribute, note or setting names (entAccountState…)
                    used.add(matcher.group(2));
                }
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(bundle("fr").stringPropertyNames());
        assertThat(missing).as("keys used but not shipped in the jar").isEmpty();
    }

    private static boolean isMessageKey(String candidate) {
        return candidate.endsWith("Subject")
                || candidate.endsWith("Message")
                || candidate.startsWith("entFirstConnection")
                        && !candidate.contains("Max")
                        && !candidate.endsWith("Url")
                || candidate.matches("entActivation(LinkReplaced|AlreadyActive|LinkInvalid|Required|Incomplete)")
                || candidate.equals("entCharterMustAccept");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en"})
    void everyApostropheSurvivesMessageFormat(String language) throws IOException {
        Properties messages = bundle(language);
        List<String> broken = new ArrayList<>();
        for (String name : new TreeSet<>(messages.stringPropertyNames())) {
            if (name.endsWith(".label") || name.endsWith(".help")) {
                // settings' labels and help texts: the admin console shows them itself, without MessageFormat
                continue;
            }
            String text = messages.getProperty(name);
            String rendered;
            try {
                rendered = new MessageFormat(text, Locale.ROOT).format(new Object[] {"A", "B", "C"});
            } catch (IllegalArgumentException e) {
                broken.add(name);
                continue;
            }
            if (text.chars().filter(c -> c == '\'').count()
                    != 2 * rendered.chars().filter(c -> c == '\'').count()) {
                broken.add(name + ": write each apostrophe as ''");
            }
        }
        assertThat(broken).isEmpty();
    }

    private static Properties bundle(String language) throws IOException {
        return bundle("messages", language);
    }

    private static Properties bundle(String name, String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in =
                Files.newInputStream(RESOURCES.resolve("messages/" + name + "_" + language + ".properties"))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
