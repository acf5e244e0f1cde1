package fr.ent.keycloak.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The years the integration tests give their students mean the same whatever the day they run: every day of three
 * years is checked against the rule as DESIGN.md states it (access until 31 December of the calendar year in which the
 * last academic year ends; a closed account kept 12 months). Tests written with a year that only worked in
 * September–December used to fail from January.
 */
class StudentYearsTest {

    @Test
    void eachYearMeansTheSameOnEveryDay() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2029, 1, 1)); day = day.plusDays(1)) {
            int current = Students.currentAcademicYear(day);
            assertThat(day)
                    .as("in academic year %d", current)
                    .isBetween(LocalDate.of(current, 9, 1), LocalDate.of(current + 1, 8, 31));
            assertThat(lastDayOfAccess(current))
                    .as("%s: a student of this year has access", day)
                    .isAfter(day);

            int leaving = Students.leavingYear(day);
            assertThat(lastDayOfAccess(leaving))
                    .as("%s: a leaving student has access until the coming 31 December", day)
                    .isEqualTo(LocalDate.of(day.getYear(), 12, 31));

            int expired = Students.expiredYear(day);
            LocalDate ended = lastDayOfAccess(expired);
            assertThat(ended)
                    .as("%s: an expired student's access has ended", day)
                    .isBefore(day);
            assertThat(ended.plusDays(1).plusMonths(12))
                    .as("%s: and the account's 12 months of retention have not passed", day)
                    .isAfter(day);
        }
    }

    /** DESIGN.md: access until 31 December of the calendar year in which the last academic year ends. */
    private static LocalDate lastDayOfAccess(int lastAcademicYear) {
        return LocalDate.of(lastAcademicYear + 1, 12, 31);
    }
}
