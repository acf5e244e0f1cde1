package fr.ent.keycloak.benchmarks;

import fr.ent.keycloak.password.core.DictionaryLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.passay.DictionarySubstringRule;
import org.passay.PasswordData;
import org.passay.dictionary.ArrayWordList;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.sort.ArraysSort;

/** What the ENT rules are compared with, over the very same word lists. */
public final class Baselines {

    private Baselines() {}

    /** Every entry of the lists shipped with the policy, lower-cased, as a baseline would read them. */
    public static List<String> shippedWords() {
        List<String> words = new ArrayList<>();
        for (String name : DictionaryLoader.BUILT_IN) {
            try (InputStream in = DictionaryLoader.class.getResourceAsStream(
                            "/fr/ent/keycloak/password/dictionaries/" + name);
                    BufferedReader reader = new BufferedReader(
                            new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.length() >= 3) {
                        words.add(line.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return words;
    }

    /** passay 1.6.6's {@link DictionarySubstringRule}: refuses a password that contains any entry. */
    public static DictionarySubstringRule passaySubstringRule(List<String> words) {
        String[] sorted = words.stream().distinct().toArray(String[]::new);
        WordListDictionary dictionary = new WordListDictionary(new ArrayWordList(sorted, false, new ArraysSort()));
        return new DictionarySubstringRule(dictionary);
    }

    public static boolean passayRefuses(DictionarySubstringRule rule, String password) {
        return !rule.validate(new PasswordData(password)).isValid();
    }

    /** Keycloak's {@code passwordBlacklist} idea: the whole password, lower-cased, is an entry. */
    public static Set<String> exactBlacklist(List<String> words) {
        return new HashSet<>(words);
    }

    public static boolean exactRefuses(Set<String> blacklist, String password) {
        return blacklist.contains(password.toLowerCase(Locale.ROOT));
    }
}
