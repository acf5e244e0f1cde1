package fr.ent.keycloak.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.keycloak.common.StudentLifecycle.Guidance;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-10-01T10:00:00Z");

    /**
     * Every question every path asks, for each kind of student. Columns: account enabled, minutes since payment (empty
     * = not paid), activated, last academic year, personal address on record; then the state and the answers.
     */
    @ParameterizedTest(name = "[{index}] enabled={0} paid={1} activated={2} year={3} reachable={4}")
    @CsvSource({
        // enabled, paid min ago, activated, year, reachable -> state, signIn, reset, activationLink, guidance
        "true,  ,     false, 2026, true,  PENDING,     false, false, false, UNPAID",
        "true,  5,    false, 2026, true,  PENDING,     false, false, false, READY_AT",
        "true,  14,   false, 2026, true,  PENDING,     false, false, false, READY_AT",
        "true,  15,   false, 2026, true,  ACTIVATABLE, false, false, true,  ACTIVATION_LINK",
        "true,  1440, false, 2026, true,  ACTIVATABLE, false, false, true,  ACTIVATION_LINK",
        "true,  1440, false, 2026, false, ACTIVATABLE, false, false, false, NOTHING",
        "false, 1440, false, 2026, true,  ACTIVATABLE, false, false, false, NOTHING",
        "true,  1440, true,  2026, true,  ACTIVE,      true,  true,  false, ALREADY_ACTIVE",
        "true,  1440, true,  2026, false, ACTIVE,      true,  false, false, NOTHING",
        "false, 1440, true,  2026, true,  ACTIVE,      false, false, false, NOTHING",
        // access ended on 31 December 2025 for a student whose last year was 2024-2025
        "true,  1440, true,  2024, true,  EXPIRED,     false, false, false, NOTHING",
        "true,  1440, false, 2024, true,  EXPIRED,     false, false, false, NOTHING",
        "true,  ,     false, 2024, true,  EXPIRED,     false, false, false, NOTHING",
        // a student who left in 2025-2026 keeps access until 31 December 2026
        "true,  1440, true,  2025, true,  ACTIVE,      true,  true,  false, ALREADY_ACTIVE",
        "true,  1440, true,  ,     true,  ACTIVE,      true,  true,  false, ALREADY_ACTIVE",
    })
    void everyPathGetsTheSameAnswer(
            boolean enabled,
            Integer paidMinutesAgo,
            boolean activated,
            Integer year,
            boolean reachable,
            AccountState state,
            boolean maySignIn,
            boolean mayReset,
            boolean mayGetActivationLink,
            Guidance guidance) {
        StudentFacts student = new StudentFacts(
                enabled,
                year,
                paidMinutesAgo == null ? null : NOW.minus(Duration.ofMinutes(paidMinutesAgo)),
                activated ? NOW.minus(Duration.ofDays(3)) : null,
                reachable ? "zoe@example.org" : null);
        Standing standing = new StudentLifecycle(LifecycleSettings.defaults()).standing(student, NOW);
        assertThat(standing.state()).isEqualTo(state);
        assertThat(standing.maySignIn()).as("may sign in").isEqualTo(maySignIn);
        assertThat(standing.mayReceiveResetLink())
                .as("may receive a reset link")
                .isEqualTo(mayReset);
        assertThat(standing.mayReceiveActivationLink())
                .as("may receive an activation link")
                .isEqualTo(mayGetActivationLink);
        assertThat(standing.guidance()).isEqualTo(guidance);
        assertThat(standing.guidance().sends()).isEqualTo(guidance != Guidance.NOTHING);
    }

    @Test
    void theRealmsDelayAndEndOfAccessAreRead() {
        Map<String, String> realm = new HashMap<>();
        realm.put(LifecycleSettings.ACTIVATION_DELAY_MINUTES, "60");
        realm.put(LifecycleSettings.ACCESS_ENDS_ON, "08-31");
        realm.put(LifecycleSettings.STUDENT_MAILS_PER_DAY, "5");
        StudentLifecycle lifecycle = StudentLifecycle.of(realm::get);
        // a 2026-2027 student who paid 20 minutes ago: past the default 15 minutes but not the realm's 60
        StudentFacts paid20MinutesAgo =
                new StudentFacts(true, 2026, NOW.minus(Duration.ofMinutes(20)), null, "zoe@example.org");
        assertThat(lifecycle.standing(paid20MinutesAgo, NOW).state()).isEqualTo(AccountState.PENDING);
        assertThat(lifecycle.standing(paid20MinutesAgo, NOW).activatableFrom())
                .isEqualTo(NOW.plus(Duration.ofMinutes(40)));
        // a 2025-2026 student's access ends on 31 August 2026 in this realm: expired on 1 October 2026
        StudentFacts active = new StudentFacts(true, 2025, NOW.minus(Duration.ofDays(300)), NOW, "z@example.org");
        assertThat(lifecycle.standing(active, NOW).state()).isEqualTo(AccountState.EXPIRED);
        assertThat(new StudentLifecycle(LifecycleSettings.defaults())
                        .standing(active, NOW)
                        .state())
                .isEqualTo(AccountState.ACTIVE);
        assertThat(lifecycle.standing(active, NOW).accessEndsAt()).isEqualTo(Instant.parse("2026-08-31T22:00:00Z"));
        assertThat(lifecycle.settings().studentMailsPerDay()).isEqualTo(5);
    }

    @Test
    void aWrongRealmSettingIsRefusedNotDefaulted() {
        assertThatThrownBy(() -> StudentLifecycle.of(Map.of(LifecycleSettings.ACTIVATION_DELAY_MINUTES, "15m")::get))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(LifecycleSettings.ACTIVATION_DELAY_MINUTES);
        assertThatThrownBy(() -> StudentLifecycle.of(Map.of(LifecycleSettings.ACCESS_ENDS_ON, "31/12")::get))
                .isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> StudentLifecycle.of(Map.of(LifecycleSettings.STUDENT_MAILS_PER_DAY, "0")::get))
                .isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void activatedIsTheCharterAcceptedByTheLastStepAndSurvivesAnExpiry() {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(EntAttributes.ACCOUNT_STATE, "ACTIVE");
        // a state written by hand is not an activation
        assertThat(StudentFacts.of(true, attributes::get).activated()).isFalse();
        attributes.put(EntAttributes.ACCOUNT_STATE, "EXPIRED");
        attributes.put(EntAttributes.CHARTER_ACCEPTED_AT, "2025-09-12T08:00:00Z");
        StudentFacts facts = StudentFacts.of(true, attributes::get);
        assertThat(facts.activated()).isTrue();
        assertThat(facts.activatedAt()).isEqualTo(Instant.parse("2025-09-12T08:00:00Z"));
    }
}
