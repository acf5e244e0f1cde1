package fr.ent.keycloak.password.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Builds a {@link PasswordDictionary} from word lists: one entry per line, UTF-8, optionally gzip-compressed ({@code .gz});
 * blank lines and lines starting with {@code #} are ignored. A list that cannot be read fails the whole load: the
 * password policy then refuses every password rather than accept weak ones (fail closed).
 */
public final class DictionaryLoader {

    /** The lists shipped in the provider jar (see {@code dictionaries/NOTICE.md}). */
    public static final List<String> BUILT_IN = List.of(
            "fr-words.txt.gz",
            "en-words.txt.gz",
            "common-passwords.txt.gz",
            "fr-common-words.txt.gz",
            "fr-first-names.txt.gz",
            "fr-last-names.txt.gz",
            "en-first-names.txt.gz",
            "en-last-names.txt.gz",
            "fr-towns.txt.gz");

    private static final String RESOURCE_FOLDER = "/fr/ent/keycloak/password/dictionaries/";

    /** Sized for the shipped lists (about 750,000 distinct entries) in 8 MB. */
    private final WordSet words = new WordSet(700_000);

    private final List<String> sources = new ArrayList<>();
    private int lines;

    /** Adds the lists shipped in the jar. */
    public DictionaryLoader addBuiltIn() throws IOException {
        for (String name : BUILT_IN) {
            try (InputStream in = DictionaryLoader.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
                if (in == null) {
                    throw new IOException("Built-in word list " + name + " is missing from the jar");
                }
                add(name, name.endsWith(".gz") ? new GZIPInputStream(in) : in);
            }
        }
        return this;
    }

    /** Adds a list from a file ({@code .txt} or {@code .txt.gz}). */
    public DictionaryLoader addFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            add(file.toString(), file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in);
        }
        return this;
    }

    /** Adds every {@code .txt} and {@code .txt.gz} file of a folder, in name order; a missing folder adds nothing. */
    public DictionaryLoader addFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return this;
        }
        List<Path> files;
        try (var stream = Files.list(folder)) {
            files = stream.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.endsWith(".txt") || name.endsWith(".txt.gz");
                    })
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            addFile(file);
        }
        return this;
    }

    /** Adds words given directly (tests, benchmarks). */
    public DictionaryLoader addWords(String source, Iterable<String> entries) {
        sources.add(source);
        for (String entry : entries) {
            addEntry(entry);
        }
        return this;
    }

    public PasswordDictionary build() {
        return new PasswordDictionary(words);
    }

    /** The lists read so far, for the log. */
    public List<String> sources() {
        return List.copyOf(sources);
    }

    /** Lines read so far (before removing duplicates). */
    public int lines() {
        return lines;
    }

    private void add(String source, InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && line.charAt(0) != '#') {
                    addEntry(line);
                }
            }
        } catch (CharacterCodingException e) {
            throw new IOException("Word list " + source + " is not valid UTF-8", e);
        }
        sources.add(source);
    }

    private static String lettersAndDigits(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (out != null) {
                    out.append(c);
                }
            } else if (out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
        }
        return out == null ? text : out.toString();
    }

    private void addEntry(String entry) {
        lines++;
        String canonical = Canonical.word(entry);
        if (canonical.length() >= PasswordDictionary.MIN_ENTRY_LENGTH) {
            words.add(canonical);
            // "aujourd'hui", "a-t-elle", "Saint-Étienne" are also typed without their punctuation
            String lettersOnly = lettersAndDigits(canonical);
            if (lettersOnly.length() != canonical.length()
                    && lettersOnly.length() >= PasswordDictionary.MIN_ENTRY_LENGTH) {
                words.add(lettersOnly);
            }
        }
    }
}
