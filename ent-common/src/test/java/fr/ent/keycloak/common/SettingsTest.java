package fr.ent.keycloak.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.MonthDay;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    @ParameterizedTest
    @CsvSource({"15, 15", " 0 , 0", "10080, 10080", "1, 1"})
    void readsWholeNumbersInRange(String raw, int expected) {
        assertThat(Settings.wholeNumber("entX", raw, 99, 0, 10080)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void absentMeansTheDefault(String raw) {
        assertThat(Settings.wholeNumber("entX", raw, 99, 0, 100)).isEqualTo(99);
        assertThat(Settings.monthDay("entX", raw, MonthDay.of(12, 31))).isEqualTo(MonthDay.of(12, 31));
        assertThat(Settings.zone("entX", raw, ZoneId.of("Europe/Paris"))).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "101", "15min", "1.5", "quinze", "99999999999"})
    void aWrongNumberIsRefusedNeverDefaulted(String raw) {
        InvalidSettingException refused = catchThrowableOfType(
                InvalidSettingException.class, () -> Settings.wholeNumber("entX", raw, 15, 0, 100));
        assertThat(refused).isNotNull();
        assertThat(refused.setting()).isEqualTo("entX");
        assertThat(refused.value()).isEqualTo(raw.trim());
        assertThat(refused.messageKey()).isEqualTo("entSettingWholeNumber");
        assertThat(refused.parameters()).containsExactly("entX", raw.trim(), "0", "100");
        assertThat(refused.getMessage()).contains("entX", "from 0 to 100");
    }

    @ParameterizedTest
    @CsvSource({"12-31, 12, 31", "08-31, 8, 31", "02-29, 2, 29"})
    void readsDaysOfTheYear(String raw, int month, int day) {
        assertThat(Settings.monthDay("entX", raw, null)).isEqualTo(MonthDay.of(month, day));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31-12", "12/31", "13-01", "12-32", "2026-12-31", "décembre"})
    void aWrongDayIsRefused(String raw) {
        assertThat(catchThrowableOfType(
                                InvalidSettingException.class,
                                () -> Settings.monthDay("entAccessEndsOn", raw, MonthDay.of(12, 31)))
                        .messageKey())
                .isEqualTo("entSettingMonthDay");
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {"60, 30, 60", "null, 30, 30", "'  ', 30, 30", "null, null, null"})
    void theConsoleWinsOverTheFormerRealmAttribute(String console, String attribute, String read) {
        assertThat(Settings.preferring(name -> console, name -> attribute).apply("entX"))
                .isEqualTo(read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Montpelier", "Paris", "UTC+25"})
    void aWrongZoneIsRefused(String raw) {
        assertThat(catchThrowableOfType(
                                InvalidSettingException.class,
                                () -> Settings.zone("entTimeZone", raw, ZoneId.of("Europe/Paris")))
                        .messageKey())
                .isEqualTo("entSettingZone");
    }
}
