package fr.ent.keycloak.benchmarks;

import fr.ent.keycloak.password.core.DictionaryLoader;
import fr.ent.keycloak.password.core.PasswordChecker;
import fr.ent.keycloak.password.core.PasswordRulesConfig;
import fr.ent.keycloak.password.core.PersonalData;
import fr.ent.keycloak.password.core.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.passay.DictionarySubstringRule;

/**
 * One password check: the ENT rules with the full shipped dictionary, against passay 1.6.6's
 * {@code DictionarySubstringRule} and a Keycloak-style exact blacklist over the same words, in the same run. Each
 * invocation checks the next password of a mix of the weak and strong sets. Sample-time mode gives the percentiles.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class PasswordCheckBenchmark {

    private PasswordChecker checker;
    private DictionarySubstringRule passay;
    private Set<String> blacklist;
    private String[] passwords;
    private String huge;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        checker = new PasswordChecker(new DictionaryLoader().addBuiltIn().build());
        List<String> words = Baselines.shippedWords();
        passay = Baselines.passaySubstringRule(words);
        blacklist = Baselines.exactBlacklist(words);
        List<String> mix = new ArrayList<>(PasswordSamples.weak());
        mix.addAll(PasswordSamples.strong());
        java.util.Collections.shuffle(mix, new java.util.Random(7));
        passwords = mix.toArray(String[]::new);
        huge = "Zq9!".repeat(1024);
    }

    private String nextPassword() {
        String password = passwords[next];
        next = next + 1 == passwords.length ? 0 : next + 1;
        return password;
    }

    @Benchmark
    public List<Violation> entRules() {
        return checker.check(nextPassword(), PasswordRulesConfig.DEFAULTS, PersonalData.NONE);
    }

    @Benchmark
    public boolean passayDictionarySubstring() {
        return Baselines.passayRefuses(passay, nextPassword());
    }

    @Benchmark
    public boolean keycloakStyleExactBlacklist() {
        return Baselines.exactRefuses(blacklist, nextPassword());
    }

    @Benchmark
    public List<Violation> entRules4096Characters() {
        return checker.check(huge, PasswordRulesConfig.DEFAULTS, PersonalData.NONE);
    }
}
