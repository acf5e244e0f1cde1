package fr.ent.keycloak.password.core;

import java.util.Map;
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
            RuleResult result = passed();
            if (d.length < d.config.minLength()) {
                result = fail(result, Violation.TOO_SHORT, d.config.minLength(), d.config.recommendedLength());
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
            RuleResult result = passed();
            if (!letter) {
                result = fail(result, Violation.NO_LETTER);
            }
            if (!digit) {
                result = fail(result, Violation.NO_DIGIT);
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
            String text = d.nfkc;
            StringBuilder found = null;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (forbidden.indexOf(cp) >= 0) {
                    if (found == null) {
                        found = new StringBuilder();
                    }
                    String character = Character.toString(cp);
                    if (found.indexOf(character) < 0) {
                        found.append(found.length() == 0 ? "" : " ").append(character);
                    }
                }
            }
            RuleResult result = passed();
            if (found != null) {
                result = fail(result, Violation.FORBIDDEN_CHARACTERS, found.toString());
            }
            return result;
        }
    }

    /** No control characters (NUL, CR, LF, tab…), line separators or bidirectional overrides. */
    static final class ControlCharacters implements Rule {
        @Override
        public RuleResult validate(PasswordData data) {
            String text = ((EntPasswordData) data).nfkc;
            RuleResult result = passed();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (isControl(cp)) {
                    result = fail(result, Violation.CONTROL_CHARACTERS);
                    break;
                }
            }
            return result;
        }

        static boolean isControl(int cp) {
            if (cp >= 0x20 && cp < 0x7F) {
                return false;
            }
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

    /** Shared by every rule that passes and never changed: a check allocates nothing for the rules it passes. */
    private static final RuleResult PASSED = new RuleResult(true);

    static RuleResult passed() {
        return PASSED;
    }

    /** Records a broken rule; turns {@link #passed()} into a result of its own first. */
    static RuleResult fail(RuleResult result, String key, Object... params) {
        RuleResult failed = result == PASSED ? new RuleResult(false) : result;
        failed.setValid(false);
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < params.length; i++) {
            values.put(Integer.toString(i), params[i]);
        }
        failed.addError(key, values);
        return failed;
    }
}
