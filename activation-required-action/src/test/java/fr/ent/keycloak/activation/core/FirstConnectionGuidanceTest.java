package fr.ent.keycloak.activation.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.common.AccountState;
import org.junit.jupiter.api.Test;

class FirstConnectionGuidanceTest {

    @Test
    void eachStateGetsItsOwnGuidance() {
        assertThat(FirstConnectionGuidance.of(AccountState.ACTIVATABLE, true, true))
                .isEqualTo(FirstConnectionGuidance.SEND_LINK);
        assertThat(FirstConnectionGuidance.of(AccountState.PENDING, true, true))
                .isEqualTo(FirstConnectionGuidance.SEND_READY_AT);
        assertThat(FirstConnectionGuidance.of(AccountState.PENDING, false, true))
                .isEqualTo(FirstConnectionGuidance.SEND_UNPAID);
        assertThat(FirstConnectionGuidance.of(AccountState.ACTIVE, true, true))
                .isEqualTo(FirstConnectionGuidance.SEND_ALREADY_ACTIVE);
    }

    @Test
    void closedOrDisabledAccountsGetNothing() {
        assertThat(FirstConnectionGuidance.of(AccountState.EXPIRED, true, false).sends())
                .isFalse();
        assertThat(FirstConnectionGuidance.of(AccountState.EXPIRED, true, true).sends())
                .isFalse();
        assertThat(FirstConnectionGuidance.of(AccountState.ACTIVATABLE, true, false))
                .isEqualTo(FirstConnectionGuidance.NOTHING);
    }
}
