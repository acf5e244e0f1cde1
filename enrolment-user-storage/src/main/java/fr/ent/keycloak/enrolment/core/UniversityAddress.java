package fr.ent.keycloak.enrolment.core;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The student's university address (the one the seed tells students to read, "votre mail UM"), built at import from a
 * pattern set on the enrolment component, such as {@code {login}@etu.umontpellier.fr}: {@code {login}} is the ENT
 * login, {@code {number}} the student number. Built from stable identifiers, it is unique in the realm and stays the
 * same from sync to sync. It is what services receive as {@code email}; the personal address never is.
 */
public final class UniversityAddress {

    public static final String LOGIN = "{login}";
    public static final String NUMBER = "{number}";

    /** What may stand in the part before {@code @} once built (RFC 5321's dot-atom, ASCII). */
    private static final Pattern LOCAL_PART =
            Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

    private static final Pattern DOMAIN =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    private UniversityAddress() {}

    /**
     * Why {@code pattern} cannot build addresses, as a message key of the component's settings; empty when it can (an
     * empty pattern is valid: no university address).
     */
    public static Optional<String> problem(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.empty();
        }
        String trimmed = pattern.trim().toLowerCase(Locale.ROOT);
        int at = trimmed.indexOf('@');
        if (at < 0 || at != trimmed.lastIndexOf('@')) {
            return Optional.of("entEnrolmentMailPatternAt");
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        if (!local.contains(LOGIN) && !local.contains(NUMBER)) {
            return Optional.of("entEnrolmentMailPatternPlaceholder");
        }
        String sample = local.replace(LOGIN, "login").replace(NUMBER, "12345678");
        if (!LOCAL_PART.matcher(sample).matches() || sample.contains("{") || sample.contains("}")) {
            return Optional.of("entEnrolmentMailPatternLocalPart");
        }
        if (!DOMAIN.matcher(domain).matches()) {
            return Optional.of("entEnrolmentMailPatternDomain");
        }
        return Optional.empty();
    }

    /**
     * The address of a student, or empty when there is no pattern, or when this student's login or number cannot make
     * an address with it (the student is then imported without one, and the sync says so).
     */
    public static Optional<String> of(String pattern, String login, String number) {
        if (pattern == null || pattern.isBlank() || problem(pattern).isPresent()) {
            return Optional.empty();
        }
        String template = pattern.trim().toLowerCase(Locale.ROOT);
        if ((template.contains(LOGIN) && (login == null || login.isBlank()))
                || (template.contains(NUMBER) && (number == null || number.isBlank()))) {
            return Optional.empty();
        }
        String address = template.replace(
                        LOGIN, login == null ? "" : login.trim().toLowerCase(Locale.ROOT))
                .replace(NUMBER, number == null ? "" : number.trim());
        int at = address.indexOf('@');
        if (at != address.lastIndexOf('@')
                || !LOCAL_PART.matcher(address.substring(0, at)).matches()) {
            return Optional.empty();
        }
        return Optional.of(address);
    }
}
