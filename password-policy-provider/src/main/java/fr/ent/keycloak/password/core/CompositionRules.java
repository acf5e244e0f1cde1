package fr.ent.keycloak.password.core;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.passay.PasswordData;
import org.passay.Rule;
import org.passay.RuleResult;

/** The composition rules: length, a letter and a digit, no forbidden or control characters. */
final class CompositionRules {

    private CompositionRules() {}

    /** At least the minimum number of code points (after NFKC; the password is never trimmed). */
    static final class MinLength implements Rule {
        @Override
        public RuleResult validate(PasswordData data) {
            EntPasswordData d = (EntPasswordData) data;
            RuleResult result = new RuleResult(true);
            if (d.length < d.config.minLength()) {
                fail(result, Violation.TOO_SHORT, d.config.minLength(), d.config.recommendedLength());
            }
            return result;
        }
    }

    /** At least one letter (of any script) and at least one digit. */
    static final class LetterAndDigit implements Rule {
        @Override
        public RuleResult validate(PasswordData data) {
            String text = ((EntPasswordData) data).nfkc;
            boolean letter = false;
            boolean digit = false;
            for (int i = 0; i < text.length() && !(letter && digit); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                letter |= Character.isLetter(cp);
                digit |= Character.isDigit(cp);
            }
            RuleResult result = new RuleResult(true);
            if (!letter) {
                fail(result, Violation.NO_LETTER);
            }
            if (!digit) {
                fail(result, Violation.NO_DIGIT);
            }
            return result;
        }
    }

    /** None of the forbidden characters, compared after NFKC so that ＜ counts as <. */
    static final class ForbiddenCharacters implements Rule {
        @Override
        public RuleResult validate(PasswordData data) {
            EntPasswordData d = (EntPasswordData) data;
            String forbidden = d.config.forbiddenCharacters();
            Set<Integer> found = new LinkedHashSet<>();
            d.nfkc.codePoints().filter(cp -> forbidden.indexOf(cp) >= 0).forEach(found::add);
            RuleResult result = new RuleResult(true);
            if (!found.isEmpty()) {
                String list = found.stream().map(Character::toString).collect(Collectors.joining(" "));
                fail(result, Violation.FORBIDDEN_CHARACTERS, list);
            }
            return result;
        }
    }

    /** No control characters (NUL, CR, LF, tab…), line separators or bidirectional overrides. */
    static final class ControlCharacters implements Rule {
        @Override
        public RuleResult validate(PasswordData data) {
            RuleResult result = new RuleResult(true);
            if (((EntPasswordData) data).nfkc.codePoints().anyMatch(ControlCharacters::isControl)) {
                fail(result, Violation.CONTROL_CHARACTERS);
            }
            return result;
        }

        static boolean isControl(int cp) {
            int type = Character.getType(cp);
            return type == Character.CONTROL
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR
                    || cp == 0x061C
                    || cp == 0x200E
                    || cp == 0x200F
                    || (cp >= 0x202A && cp <= 0x202E)
                    || (cp >= 0x2066 && cp <= 0x2069);
        }
    }

    static void fail(RuleResult result, String key, Object... params) {
        result.setValid(false);
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < params.length; i++) {
            values.put(Integer.toString(i), params[i]);
        }
        result.addError(key, values);
    }
}
