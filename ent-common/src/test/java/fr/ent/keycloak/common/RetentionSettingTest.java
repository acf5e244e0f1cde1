package fr.ent.keycloak.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The realm's retention of closed accounts, read with the other lifecycle settings (DESIGN: a realm setting). */
class RetentionSettingTest {

    @ParameterizedTest(name = "{0} → {1} months")
    @CsvSource(
            value = {
                "NULL, 12", // not set: the university's default
                "'  ', 12",
                "0, 0", // never deleted
                "6, 6",
                "' 24 ', 24",
                "240, 240"
            },
            nullValues = "NULL")
    void readsTheMonthsOrTheDefault(String raw, int months) {
        Map<String, String> realm = new HashMap<>();
        realm.put(LifecycleSettings.RETENTION_MONTHS, raw);
        assertThat(LifecycleSettings.read(realm::get).retentionMonths()).isEqualTo(months);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "241", "douze", "12 mois", "1.5"})
    void aWrongValueIsRefusedNeverReplacedByTheDefault(String raw) {
        InvalidSettingException refused = catchThrowableOfType(
                InvalidSettingException.class,
                () -> LifecycleSettings.read(Map.of(LifecycleSettings.RETENTION_MONTHS, raw)::get));
        assertThat(refused).isNotNull();
        assertThat(refused.setting()).isEqualTo(LifecycleSettings.RETENTION_MONTHS);
        assertThat(refused.parameters()).containsExactly(LifecycleSettings.RETENTION_MONTHS, raw, "0", "240");
    }

    @Test
    void theDefaultsAndTheShortConstructorsKeepTwelveMonths() {
        assertThat(LifecycleSettings.defaults().retentionMonths()).isEqualTo(12);
        assertThat(new LifecycleSettings(AcademicCalendar.defaults(), 3).retentionMonths())
                .isEqualTo(12);
    }
}
