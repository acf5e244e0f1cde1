package fr.ent.keycloak.password.core;

import java.util.ArrayList;
import java.util.List;
import org.passay.PasswordData;
import org.passay.Rule;
import org.passay.RuleResult;

/**
 * The rules about what a password is built on: a dictionary word, a keyboard walk or sequence, the student's own
 * data, the realm's context words. "Built on" means that the password without its leading and trailing digits and
 * symbols is the word, or that the word covers at least the configured share of it; for the student's names, also
 * that two or more of them together cover that share. A passphrase of several words,
 * where no single word covers half of it, passes.
 */
final class WordRules {

    private WordRules() {}

    /** Not a dictionary entry, not mostly one dictionary word, whatever the case, accents and leetspeak. */
    static final class DictionaryWords implements Rule {
        private final PasswordDictionary dictionary;

        DictionaryWords(PasswordDictionary dictionary) {
            this.dictionary = dictionary;
        }

        @Override
        public RuleResult validate(PasswordData data) {
            EntPasswordData d = (EntPasswordData) data;
            RuleResult result = CompositionRules.passed();
            if (isBuiltOnDictionaryWord(d)) {
                result = CompositionRules.fail(result, Violation.DICTIONARY);
            }
            return result;
        }

        private boolean isBuiltOnDictionaryWord(EntPasswordData d) {
            for (String variant : d.coreVariants) {
                if (dictionary.contains(variant)) {
                    return true;
                }
            }
            int covering = d.coveringLength();
            for (String variant : d.variants) {
                if (dictionary.contains(variant) || dictionary.containsWordOfAtLeast(variant, covering)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Not mostly a keyboard walk (AZERTY or QWERTY), an alphabetical or numerical sequence, or a repetition. */
    static final class Patterns implements Rule {
        @Override
        public RuleResult validate(PasswordData data) {
            EntPasswordData d = (EntPasswordData) data;
            RuleResult result = CompositionRules.passed();
            if (KeyboardPatterns.coveredLength(d.folded) >= Math.max(4, d.coveringLength())) {
                result = CompositionRules.fail(result, Violation.PATTERN);
            }
            return result;
        }
    }

    /** Not built on the login, names, student number, email addresses or birth date of the student. */
    static final class PersonalWords implements Rule {
        @Override
        public RuleResult validate(PasswordData data) {
            EntPasswordData d = (EntPasswordData) data;
            RuleResult result = CompositionRules.passed();
            if (isBuiltOnPersonalData(d)) {
                result = CompositionRules.fail(result, Violation.PERSONAL_DATA);
            }
            return result;
        }

        private static boolean isBuiltOnPersonalData(EntPasswordData d) {
            PersonalData p = d.personal;
            // identifiers: refused wherever they appear
            for (String identifier : new String[] {p.username(), p.studentNumber()}) {
                String canonical = identifier == null ? "" : Canonical.word(identifier);
                if (canonical.length() >= 4 && appearsIn(d, canonical)) {
                    return true;
                }
            }
            List<String> names = names(p);
            int covering = d.coveringLength();
            for (String name : names) {
                if (name.length() >= 3 && covers(d, name, covering)) {
                    return true;
                }
            }
            return isBuiltOnSeveralNames(d, p, covering) || isBuiltOnBirthDate(d, p.birthDate(), names);
        }

        /**
         * Two or more of the student's names together ("Hippolyte-Durand-2024", "durandhippolyte!7"), in any order, with
         * any separators, digits or a year around them: refused when, together, they cover the share of the password
         * that one word alone would need to.
         */
        private static boolean isBuiltOnSeveralNames(EntPasswordData d, PersonalData p, int covering) {
            List<String> own = new ArrayList<>();
            addParts(own, p.firstName());
            addParts(own, p.lastName());
            int found = 0;
            int length = 0;
            for (String name : own.stream().distinct().toList()) {
                if (name.length() >= 3 && appearsIn(d, name)) {
                    found++;
                    length += name.length();
                }
            }
            return found >= 2 && length >= covering;
        }

        /** The parts of a name, folded ("Marie-Ève" → marie, eve). */
        private static void addParts(List<String> parts, String value) {
            if (value == null || value.isBlank()) {
                return;
            }
            for (String part : Canonical.fold(Canonical.nfkc(value)).split("[^\\p{L}\\p{N}]+")) {
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
        }

        private static List<String> names(PersonalData p) {
            List<String> names = new ArrayList<>();
            addWords(names, p.firstName());
            addWords(names, p.lastName());
            addWords(names, p.username());
            for (String email : p.emails()) {
                int at = email.indexOf('@');
                addWords(names, at < 0 ? email : email.substring(0, at));
            }
            return names;
        }

        /** The whole value and each of its parts ("Marie-Ève" → marieeve, marie, eve). */
        private static void addWords(List<String> names, String value) {
            if (value == null || value.isBlank()) {
                return;
            }
            String folded = Canonical.fold(Canonical.nfkc(value));
            StringBuilder whole = new StringBuilder();
            for (String part : folded.split("[^\\p{L}\\p{N}]+")) {
                if (!part.isEmpty()) {
                    names.add(part);
                    whole.append(part);
                }
            }
            names.add(whole.toString());
        }

        private static boolean isBuiltOnBirthDate(EntPasswordData d, String birthDate, List<String> names) {
            if (birthDate == null || !birthDate.matches("\\d{8}")) {
                return false;
            }
            String year = birthDate.substring(0, 4);
            String month = birthDate.substring(4, 6);
            String day = birthDate.substring(6, 8);
            String digits = d.folded.replaceAll("\\D", "");
            for (String date : new String[] {day + month + year, year + month + day, day + month + year.substring(2)}) {
                if (digits.contains(date)) {
                    return true;
                }
            }
            // the year alone, right next to a name: "Lea2006", "2006martin", "lea-2006"
            String compact = d.folded.replaceAll("[^\\p{L}\\p{N}]", "");
            for (String name : names) {
                if (name.length() >= 2 && (compact.contains(name + year) || compact.contains(year + name))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Not mostly one of the realm's context words (university, city, "ent"). */
    static final class ContextWords implements Rule {
        @Override
        public RuleResult validate(PasswordData data) {
            EntPasswordData d = (EntPasswordData) data;
            RuleResult result = CompositionRules.passed();
            int covering = d.coveringLength();
            for (String word : d.config.contextWords()) {
                if (!word.isEmpty() && covers(d, word, covering)) {
                    result = CompositionRules.fail(result, Violation.CONTEXT_WORDS);
                    break;
                }
            }
            return result;
        }
    }

    private static boolean appearsIn(EntPasswordData d, String canonical) {
        if (d.folded.contains(canonical)) {
            return true;
        }
        for (String variant : d.variants) {
            if (variant.contains(canonical)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} appears in the password and covers at least {@code covering} characters of it. */
    private static boolean covers(EntPasswordData d, String word, int covering) {
        if (word.length() >= covering) {
            return appearsIn(d, word);
        }
        // shorter than the covering share: refused only when the password is the word with digits and symbols around
        return d.coreVariants.contains(word);
    }
}
