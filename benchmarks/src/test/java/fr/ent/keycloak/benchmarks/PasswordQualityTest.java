package fr.ent.keycloak.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.password.core.DictionaryLoader;
import fr.ent.keycloak.password.core.PasswordChecker;
import fr.ent.keycloak.password.core.PasswordRulesConfig;
import fr.ent.keycloak.password.core.PersonalData;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quality goals of the password policy, on sets that are not derived from the shipped lists. */
class PasswordQualityTest {

    private static Predicate<String> refused;

    @BeforeAll
    static void loadTheShippedDictionary() throws IOException {
        PasswordChecker checker =
                new PasswordChecker(new DictionaryLoader().addBuiltIn().build());
        refused = password -> !checker.check(password, PasswordRulesConfig.DEFAULTS, PersonalData.NONE)
                .isEmpty();
    }

    @Test
    void atLeast97PercentOfWeakPasswordsAreCaught() {
        List<String> weak = PasswordSamples.weak();

        assertThat(weak).hasSizeGreaterThan(400);
        assertThat(PasswordReport.share(refused, weak)).isGreaterThanOrEqualTo(97.0);
    }

    @Test
    void noStrongPasswordOrPassphraseIsRefused() {
        List<String> strong = PasswordSamples.strong();

        assertThat(strong).hasSize(400);
        assertThat(strong.stream().filter(refused)).isEmpty();
    }
}
