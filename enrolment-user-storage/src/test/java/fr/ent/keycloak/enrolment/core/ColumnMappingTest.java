package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnMappingTest {

    @Test
    void defaultsFollowTheDesign() {
        assertThat(ColumnMapping.DEFAULTS.selectAll())
                .isEqualTo("SELECT student_number, login, ine, first_name, last_name, birth_date, personal_email,"
                        + " last_academic_year, program_label, fee_paid_at, updated_at FROM ent_enrolment");
        assertThat(ColumnMapping.DEFAULTS.selectChangedSince()).endsWith(" WHERE updated_at > ?");
        assertThat(ColumnMapping.DEFAULTS.selectByIdentifier())
                .endsWith(" WHERE login = ? OR student_number = ? OR ine = ?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ent_enrolment", "scolarite.v_ent_enrolment", "V_ETU"})
    void acceptsTableAndViewNames(String relation) {
        assertThat(withRelation(relation).selectAll()).endsWith(" FROM " + relation);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"ent_enrolment; DROP TABLE x", "a.b.c", "1table", "t--", "\"quoted\"", "name with space", ""})
    void refusesAnythingThatIsNotAnIdentifier(String relation) {
        assertThatThrownBy(() -> withRelation(relation))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid table or view name");
    }

    @Test
    void refusesAColumnNameThatIsNotAnIdentifier() {
        assertThatThrownBy(() -> mapping("ent_enrolment", "num' OR '1'='1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid column name");
    }

    private static ColumnMapping withRelation(String relation) {
        return mapping(relation, ColumnMapping.DEFAULTS.studentNumber());
    }

    private static ColumnMapping mapping(String relation, String studentNumber) {
        ColumnMapping d = ColumnMapping.DEFAULTS;
        return new ColumnMapping(
                relation,
                studentNumber,
                d.login(),
                d.ine(),
                d.firstName(),
                d.lastName(),
                d.birthDate(),
                d.personalEmail(),
                d.lastAcademicYear(),
                d.programLabel(),
                d.feePaidAt(),
                d.updatedAt());
    }
}
