package fr.ent.keycloak.activation.core;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a student typed in the "1ère connexion" form: an identifier (student number, INE or login) and a birth date.
 * Parsing depends only on the text typed, never on whether an account exists, so its errors reveal nothing.
 *
 * @param identifier the identifier, trimmed, NFC-normalised, 1 to {@value #MAX_IDENTIFIER} characters
 * @param birthDate the birth date
 */
public record FirstConnectionRequest(String identifier, LocalDate birthDate) {

    /** Why a form is refused before anything is looked up; each is a message key of the login theme. */
    public enum Problem {
        IDENTIFIER_MISSING("entFirstConnectionIdentifierMissing"),
        IDENTIFIER_INVALID("entFirstConnectionIdentifierInvalid"),
        BIRTH_DATE_MISSING("entFirstConnectionBirthDateMissing"),
        BIRTH_DATE_INVALID("entFirstConnectionBirthDateInvalid");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }

        /** The form field the problem belongs to. */
        public String field() {
            return this == IDENTIFIER_MISSING || this == IDENTIFIER_INVALID ? "identifier" : "birthDate";
        }
    }

    /** Longer than any student number, INE (11) or login a university issues. */
    public static final int MAX_IDENTIFIER = 64;

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern FRENCH_DATE = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern INE = Pattern.compile("[0-9A-Za-z]{10}[A-Za-z]");

    /** The result of parsing: a request, or the first problem found. */
    public record Parsed(Optional<FirstConnectionRequest> request, Optional<Problem> problem) {}

    /**
     * @param identifier as typed; surrounding spaces are ignored
     * @param birthDate as typed: {@code YYYY-MM-DD} (what a date field sends) or {@code DD/MM/YYYY}
     * @param today the current date, to refuse a birth date in the future
     */
    public static Parsed parse(String identifier, String birthDate, LocalDate today) {
        String id = identifier == null ? "" : Normalizer.normalize(identifier.strip(), Normalizer.Form.NFC);
        if (id.isEmpty()) {
            return problem(Problem.IDENTIFIER_MISSING);
        }
        if (id.length() > MAX_IDENTIFIER || !id.codePoints().allMatch(FirstConnectionRequest::identifierChar)) {
            return problem(Problem.IDENTIFIER_INVALID);
        }
        String date = birthDate == null ? "" : birthDate.strip();
        if (date.isEmpty()) {
            return problem(Problem.BIRTH_DATE_MISSING);
        }
        Optional<LocalDate> parsed = date(date);
        if (parsed.isEmpty() || parsed.get().isAfter(today) || parsed.get().isBefore(today.minusYears(120))) {
            return problem(Problem.BIRTH_DATE_INVALID);
        }
        return new Parsed(Optional.of(new FirstConnectionRequest(id, parsed.get())), Optional.empty());
    }

    /** Whether the identifier has the shape of an INE (national student identifier), which is then upper-cased. */
    public boolean looksLikeIne() {
        return INE.matcher(identifier).matches();
    }

    /** The identifier as an INE is stored: upper case. */
    public String ine() {
        return identifier.toUpperCase(Locale.ROOT);
    }

    /** Whether {@code stored}, a {@code schacDateOfBirth} value (YYYYMMDD), is this request's birth date. */
    public boolean bornOn(String stored) {
        if (stored == null || stored.length() != 8) {
            return false;
        }
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(stored.substring(0, 4)),
                    Integer.parseInt(stored.substring(4, 6)),
                    Integer.parseInt(stored.substring(6, 8)));
            return date.equals(birthDate);
        } catch (NumberFormatException | DateTimeException e) {
            return false;
        }
    }

    private static Optional<LocalDate> date(String text) {
        try {
            Matcher iso = ISO_DATE.matcher(text);
            if (iso.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(iso.group(1)),
                        Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            }
            Matcher french = FRENCH_DATE.matcher(text);
            if (french.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(french.group(3)),
                        Integer.parseInt(french.group(2)),
                        Integer.parseInt(french.group(1))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean identifierChar(int c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '@';
    }

    private static Parsed problem(Problem problem) {
        return new Parsed(Optional.empty(), Optional.of(problem));
    }
}
