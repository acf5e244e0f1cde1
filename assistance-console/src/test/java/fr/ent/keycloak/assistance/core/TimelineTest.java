package fr.ent.keycloak.assistance.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.assistance.core.Timeline.Entry;
import fr.ent.keycloak.assistance.core.Timeline.Fact;
import fr.ent.keycloak.assistance.core.Timeline.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimelineTest {

    private static final Instant T = Instant.parse("2026-09-01T08:00:00Z");

    /** kind | type | details (k=v;k=v) | message key (empty: left out) | arguments (a,b) */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ACCOUNT | imported | '' | entTimeline.imported | ''",
                "ACCOUNT | activation_mail | '' | entTimeline.activationMail | ''",
                "ACCOUNT | something | '' | '' | ''",
                "USER_EVENT | CUSTOM_REQUIRED_ACTION | ent_step=first_connection;ent_outcome=sent_send_link"
                        + " | entTimeline.fc.sent_send_link | ''",
                "USER_EVENT | CUSTOM_REQUIRED_ACTION | ent_step=first_connection;ent_outcome=code_refused"
                        + " | entTimeline.fc.code_refused | ''",
                "USER_EVENT | CUSTOM_REQUIRED_ACTION | ent_step=first_connection;ent_outcome=<script>"
                        + " | entTimeline.fc.other | ''",
                "USER_EVENT | CUSTOM_REQUIRED_ACTION | ent_step=charter_accepted;ent_charter_version=2026-1"
                        + " | entTimeline.step.charter_accepted | 2026-1",
                "USER_EVENT | CUSTOM_REQUIRED_ACTION | ent_step=charter_accepted | entTimeline.step.charter_accepted | ?",
                "USER_EVENT | CUSTOM_REQUIRED_ACTION | ent_step=activated | entTimeline.step.activated | ''",
                "USER_EVENT | CUSTOM_REQUIRED_ACTION_ERROR | ent_step=link_refused_at_summary"
                        + " | entTimeline.step.link_refused_at_summary | ''",
                "USER_EVENT | EXECUTE_ACTIONS | ent_step=link_opened | entTimeline.step.link_opened | ''",
                "USER_EVENT | EXECUTE_ACTIONS | '' | entTimeline.actionsEmailSent | ''",
                "USER_EVENT | LOGIN | username=leo;ip=192.0.2.1 | entTimeline.login | ''",
                "USER_EVENT | UPDATE_CREDENTIAL | '' | entTimeline.passwordChanged | ''",
                "USER_EVENT | CODE_TO_TOKEN | '' | '' | ''",
                "USER_EVENT | CUSTOM_REQUIRED_ACTION | ent_step=unknown_step | '' | ''",
                "ADMIN_EVENT | ACTION | entAction=new-link;entOutcome=DONE;operator=op1;entReason=secret"
                        + " | entTimeline.helpdesk.new-link | op1",
                "ADMIN_EVENT | ACTION | entAction=new-link;entOutcome=THROTTLED;operator=op1"
                        + " | entTimeline.helpdesk.new-link.notDone | op1",
                "ADMIN_EVENT | ACTION | entAction=issue-code;entOutcome=DONE;operator=op2"
                        + " | entTimeline.helpdesk.issue-code | op2",
                "ADMIN_EVENT | ACTION | entAction=drop-tables;operator=op2 | entTimeline.admin.action | op2",
                "ADMIN_EVENT | UPDATE | '' | entTimeline.admin.update | ?",
                "ADMIN_EVENT | DELETE | '' | '' | ''",
            })
    void eachFactReadsAsALineOrIsLeftOut(String kind, String type, String details, String key, String arguments) {
        List<Entry> timeline = Timeline.of(List.of(new Fact(T, Kind.valueOf(kind), type, parse(details))));
        if (key.isEmpty()) {
            assertThat(timeline).isEmpty();
            return;
        }
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).messageKey()).isEqualTo(key);
        assertThat(timeline.get(0).arguments())
                .isEqualTo(arguments.isEmpty() ? List.of() : List.of(arguments.split(",")));
        assertThat(String.join(" ", timeline.get(0).arguments()))
                .doesNotContain("secret")
                .doesNotContain("192.0.2.1");
    }

    @Test
    void newestFirst_andAtMostFiftyLines() {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            facts.add(new Fact(T.plusSeconds(i), Kind.USER_EVENT, "LOGIN", Map.of()));
        }
        facts.add(new Fact(T.minusSeconds(3600), Kind.ACCOUNT, Timeline.IMPORTED, Map.of()));
        facts.add(new Fact(null, Kind.USER_EVENT, "LOGIN", Map.of()));
        List<Entry> timeline = Timeline.of(facts);
        assertThat(timeline).hasSize(Timeline.MAX_ENTRIES);
        assertThat(timeline.get(0).at()).isEqualTo(T.plusSeconds(79));
        assertThat(timeline.get(49).at()).isEqualTo(T.plusSeconds(30));
    }

    private static Map<String, String> parse(String details) {
        Map<String, String> parsed = new HashMap<>();
        if (details == null || details.isBlank()) {
            return parsed;
        }
        for (String pair : details.split(";")) {
            String[] kv = pair.split("=", 2);
            parsed.put(kv[0], kv[1]);
        }
        return parsed;
    }
}
