package fr.ent.keycloak.enrolment.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a row can become an account. A rejected row is skipped and reported by its student number only
 * (never its names, birth date or address), and the sync goes on.
 */
public final class RecordValidator {

    /** Logins: lower-case letters, digits, dot, hyphen, underscore; 2 to 64 characters, starting with a letter or digit. */
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private static final Pattern STUDENT_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");
    /** The INE: 11 characters, digits and capital letters. */
    private static final Pattern INE = Pattern.compile("[0-9A-Z]{11}");
    /** A deliberately plain address check: one @, no spaces or control characters, a dot in the domain. */
    private static final Pattern EMAIL =
            Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private static final int MAX_NAME = 128;
    private static final int MAX_LABEL = 255;

    private final Clock clock;

    public RecordValidator(Clock clock) {
        this.clock = clock;
    }

    /** Why the row cannot become an account, or empty when it can. */
    public Optional<String> rejection(StudentRecord record) {
        if (record.studentNumber() == null
                || !STUDENT_NUMBER.matcher(record.studentNumber()).matches()) {
            return Optional.of("invalid or missing student number");
        }
        if (record.login() == null || record.login().isBlank()) {
            return Optional.of("missing login");
        }
        if (!LOGIN.matcher(record.login()).matches()) {
            return Optional.of("invalid login (lower-case letters, digits, . - _; 2 to 64 characters)");
        }
        if (record.ine() != null
                && !record.ine().isBlank()
                && !INE.matcher(record.ine().trim()).matches()) {
            return Optional.of("invalid INE (11 digits and capital letters)");
        }
        if (!isName(record.firstName()) || !isName(record.lastName())) {
            return Optional.of("missing, too long (over " + MAX_NAME + " characters) or unreadable name");
        }
        if (record.personalEmail() == null
                || record.personalEmail().length() > 254
                || !EMAIL.matcher(record.personalEmail()).matches()) {
            return Optional.of("invalid or missing personal email");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (record.birthDate() != null
                && (record.birthDate().isBefore(LocalDate.of(1900, 1, 1))
                        || record.birthDate().isAfter(today))) {
            return Optional.of("invalid birth date");
        }
        if (record.lastAcademicYear() != null
                && (record.lastAcademicYear() < 1970 || record.lastAcademicYear() > today.getYear() + 1)) {
            return Optional.of("invalid last academic year");
        }
        if (record.programLabel() != null && record.programLabel().length() > MAX_LABEL) {
            return Optional.of("programme label over " + MAX_LABEL + " characters");
        }
        return Optional.empty();
    }

    private static boolean isName(String name) {
        return name != null
                && !name.isBlank()
                && name.length() <= MAX_NAME
                && name.indexOf('\uFFFD') < 0
                && name.codePoints().noneMatch(Character::isISOControl);
    }
}
