package fr.ent.keycloak.password.core;

import java.util.ArrayList;
import java.util.List;
import org.passay.Rule;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;

/**
 * Checks a password against every ENT rule and returns every rule it breaks, in a stable order. Stateless once
 * built: one instance serves every realm and thread.
 */
public final class PasswordChecker {

    private final List<Rule> rules;

    public PasswordChecker(PasswordDictionary dictionary) {
        this.rules = List.of(
                new CompositionRules.MinLength(),
                new CompositionRules.LetterAndDigit(),
                new CompositionRules.ForbiddenCharacters(),
                new CompositionRules.ControlCharacters(),
                new WordRules.DictionaryWords(dictionary),
                new WordRules.Patterns(),
                new WordRules.PersonalWords(),
                new WordRules.ContextWords());
    }

    /**
     * @param password the password as typed (never trimmed)
     * @return the rules it breaks; empty when it is accepted
     */
    public List<Violation> check(String password, PasswordRulesConfig config, PersonalData personal) {
        if (password == null) {
            return List.of(Violation.of(Violation.TOO_SHORT, config.minLength(), config.recommendedLength()));
        }
        // the maximum comes first and alone: a huge input costs nothing more than this count
        if (password.length() > 2 * config.maxLength()
                || password.codePointCount(0, password.length()) > config.maxLength()) {
            return List.of(Violation.of(Violation.TOO_LONG, config.maxLength()));
        }
        String nfkc = Canonical.nfkc(password);
        if (nfkc.codePointCount(0, nfkc.length()) > config.maxLength()) {
            return List.of(Violation.of(Violation.TOO_LONG, config.maxLength()));
        }
        // the rules are run here rather than by passay's PasswordValidator, which also counts character classes
        // for metadata nobody reads: a third of the time of a check
        EntPasswordData data = new EntPasswordData(nfkc, config, personal);
        List<Violation> violations = new ArrayList<>(2);
        for (Rule rule : rules) {
            RuleResult result = rule.validate(data);
            if (!result.isValid()) {
                for (RuleResultDetail detail : result.getDetails()) {
                    violations.add(Violation.of(detail.getErrorCode(), detail.getValues()));
                }
            }
        }
        return violations;
    }
}
