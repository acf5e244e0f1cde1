package fr.ent.keycloak.benchmarks;

import fr.ent.keycloak.password.core.DictionaryLoader;
import fr.ent.keycloak.password.core.PasswordChecker;
import fr.ent.keycloak.password.core.PasswordDictionary;
import fr.ent.keycloak.password.core.PasswordRulesConfig;
import fr.ent.keycloak.password.core.PersonalData;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.passay.DictionarySubstringRule;

/**
 * The figures that are not timings of one check: dictionary load time and heap, and the quality of the ENT rules
 * beside passay's substring rule and an exact blacklist on the weak and strong sets. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar fr.ent.keycloak.benchmarks.PasswordReport}.
 */
public final class PasswordReport {

    private PasswordReport() {}

    public static void main(String[] args) throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        DictionaryLoader loader = new DictionaryLoader().addBuiltIn();
        PasswordDictionary dictionary = loader.build();
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();

        System.out.printf("Dictionary: %d lines, %d distinct canonical entries%n", loader.lines(), dictionary.size());
        System.out.printf("Load (cold JVM): %d ms%n", loadMillis);
        System.out.printf(
                "Heap: table %.1f MB; retained after load (GC'd) %.1f MB%n",
                dictionary.footprintBytes() / 1048576.0, (heapAfter - heapBefore) / 1048576.0);

        PasswordChecker checker = new PasswordChecker(dictionary);
        List<String> words = Baselines.shippedWords();
        DictionarySubstringRule passay = Baselines.passaySubstringRule(words);
        Set<String> blacklist = Baselines.exactBlacklist(words);
        Predicate<String> ent = p -> !checker.check(p, PasswordRulesConfig.DEFAULTS, PersonalData.NONE)
                .isEmpty();

        List<String> weak = PasswordSamples.weak();
        List<String> strong = PasswordSamples.strong();
        System.out.printf("Quality on %d weak and %d strong passwords:%n", weak.size(), strong.size());
        System.out.printf("%-30s %12s %15s%n", "", "weak caught", "strong refused");
        row("ENT rules", ent, weak, strong);
        row("passay DictionarySubstringRule", p -> Baselines.passayRefuses(passay, p), weak, strong);
        row("exact blacklist (Keycloak)", p -> Baselines.exactRefuses(blacklist, p), weak, strong);
    }

    static double share(Predicate<String> refuses, List<String> passwords) {
        return 100.0 * passwords.stream().filter(refuses).count() / passwords.size();
    }

    private static void row(String name, Predicate<String> refuses, List<String> weak, List<String> strong) {
        System.out.printf("%-30s %11.1f%% %14.1f%%%n", name, share(refuses, weak), share(refuses, strong));
    }
}
