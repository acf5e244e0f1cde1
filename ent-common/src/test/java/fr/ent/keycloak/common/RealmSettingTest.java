package fr.ent.keycloak.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class RealmSettingTest {

    @ParameterizedTest
    @EnumSource(RealmSetting.class)
    void everyDefaultPassesItsOwnCheck(RealmSetting setting) {
        setting.check(null);
        setting.check(setting.defaultValue());
        assertThat(setting.key()).startsWith("ent");
        assertThat(RealmSetting.named(setting.key())).contains(setting);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "entStudentMailsPerDay    | 0            | entSettingWholeNumber",
                "entStudentMailsPerDay    | 21           | entSettingWholeNumber",
                "entStudentMailsPerDay    | three        | entSettingWholeNumber",
                "entRetentionMonths       | -1           | entSettingWholeNumber",
                "entAlumniChoice          | yes          | entSettingYesNo",
                "entAccessEndsOn          | 31-12        | entSettingMonthDay",
                "entTimeZone              | Paris        | entSettingZone",
                "entPortalUrl             | ent.example  | entSettingUrl",
                "entPortalUrl             | ftp://x.fr/  | entSettingUrl",
            })
    void aWrongValueIsRefusedNamingTheSetting(String key, String value, String messageKey) {
        RealmSetting setting = RealmSetting.named(key).orElseThrow();
        assertThatThrownBy(() -> setting.check(value)).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(messageKey);
            assertThat(e.parameters()).first().isEqualTo(key);
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "entStudentMailsPerDay          | 20   | 20",
                "entStudentMailsPerDay          | ' 7 '| 7",
                "entRetentionMonths             | 0    | 0",
                "entActivationLinkLifespanSeconds | 300 | 300",
                "entFirstConnectionMaxWaiting   | 100000 | 100000",
            })
    void aNumberInItsRangeIsRead(String key, String value, int expected) {
        assertThat(RealmSetting.named(key).orElseThrow().number(value)).isEqualTo(expected);
    }

    @Test
    void textSettingsAreTrimmedAndEmptyMeansTheDefault() {
        assertThat(RealmSetting.PORTAL_CLIENT.text("  ")).isEqualTo("account-console");
        assertThat(RealmSetting.PORTAL_URL.text("")).isNull();
        assertThat(RealmSetting.PORTAL_URL.text(" https://ent.example.fr/ ")).isEqualTo("https://ent.example.fr/");
    }

    /** docs/configuration.md's table of the realm's settings says what the code does: same names, defaults, ranges. */
    @Test
    void theDocumentationsTableIsTheCodesTable() throws IOException {
        Path doc = Path.of("..", "docs", "configuration.md");
        List<String> lines = Files.readAllLines(doc);
        int header = lines.indexOf("| setting | default | range | what |");
        assertThat(header).as("the table's header in %s", doc).isNotNegative();
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = Arrays.stream(lines.get(i).split("\\|"))
                    .skip(1)
                    .map(String::trim)
                    .toList();
            documented.put(cells.get(0).replace("`", ""), cells.subList(1, 3));
        }
        Map<String, List<String>> code = new LinkedHashMap<>();
        for (RealmSetting setting : RealmSetting.values()) {
            code.put(
                    setting.key(),
                    List.of(
                            setting.defaultValue().isEmpty() ? "—" : "`" + setting.defaultValue() + "`",
                            setting.range().isEmpty() ? "—" : setting.range()));
        }
        assertThat(documented).isEqualTo(code);
    }
}
