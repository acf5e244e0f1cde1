package fr.ent.keycloak.enrolment.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the enrolment data is found: the relation (table or view) and the name of each column. The defaults are the
 * {@code ent_enrolment} relation of DESIGN.md; a university maps its own view by changing them.
 *
 * <p>Identifiers cannot be bound as SQL parameters, so they are checked here: letters, digits and underscores, with an
 * optional schema prefix for the relation ({@code scolarite.v_ent_enrolment}). Nothing else ever reaches the SQL text.
 */
public record ColumnMapping(
        String relation,
        String studentNumber,
        String login,
        String ine,
        String firstName,
        String lastName,
        String birthDate,
        String personalEmail,
        String lastAcademicYear,
        String programLabel,
        String feePaidAt,
        String updatedAt) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern RELATION =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

    public static final ColumnMapping DEFAULTS = new ColumnMapping(
            "ent_enrolment",
            "student_number",
            "login",
            "ine",
            "first_name",
            "last_name",
            "birth_date",
            "personal_email",
            "last_academic_year",
            "program_label",
            "fee_paid_at",
            "updated_at");

    public ColumnMapping {
        if (!RELATION.matcher(Objects.requireNonNull(relation, "relation")).matches()) {
            throw new IllegalArgumentException("\"" + relation + "\" is not a valid table or view name"
                    + " (letters, digits and _, optionally schema.name)");
        }
        for (String column : new String[] {
            studentNumber,
            login,
            ine,
            firstName,
            lastName,
            birthDate,
            personalEmail,
            lastAcademicYear,
            programLabel,
            feePaidAt,
            updatedAt
        }) {
            if (column == null || !IDENTIFIER.matcher(column).matches()) {
                throw new IllegalArgumentException(
                        "\"" + column + "\" is not a valid column name (letters, digits and _)");
            }
        }
    }

    /** Column name by the field it holds, in select order (for messages and checks). */
    public Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("student_number", studentNumber);
        columns.put("login", login);
        columns.put("ine", ine);
        columns.put("first_name", firstName);
        columns.put("last_name", lastName);
        columns.put("birth_date", birthDate);
        columns.put("personal_email", personalEmail);
        columns.put("last_academic_year", lastAcademicYear);
        columns.put("program_label", programLabel);
        columns.put("fee_paid_at", feePaidAt);
        columns.put("updated_at", updatedAt);
        return columns;
    }

    /** Every student. */
    public String selectAll() {
        return "SELECT " + String.join(", ", columns().values()) + " FROM " + relation;
    }

    /** The students changed after a given instant (one parameter: the instant). */
    public String selectChangedSince() {
        return selectAll() + " WHERE " + updatedAt + " > ?";
    }

    /** One student by login, student number or INE (three parameters: the same value). */
    public String selectByIdentifier() {
        return selectAll() + " WHERE " + login + " = ? OR " + studentNumber + " = ? OR " + ine + " = ?";
    }

    /** No row, every column: checks on save that the relation and its columns exist. */
    public String probe() {
        return selectAll() + " WHERE 1 = 0";
    }
}
