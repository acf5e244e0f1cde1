package fr.ent.keycloak.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountStateTest {

    @ParameterizedTest
    @CsvSource({"PENDING, PENDING", "activatable, ACTIVATABLE", " Active , ACTIVE", "EXPIRED, EXPIRED"})
    void parsesStoredValues(String stored, AccountState expected) {
        assertThat(AccountState.parse(stored)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "DISABLED", "ACTIVE2"})
    void unknownValuesAreEmpty(String stored) {
        assertThat(AccountState.parse(stored)).isEmpty();
    }
}
