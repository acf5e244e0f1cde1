package fr.ent.keycloak.password.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnownDeviceTest {

    /** Columns: a known device, its own failures at the limit, the account locked by failures; refused; counted on. */
    @ParameterizedTest(name = "[{index}] known={0} device locked={1} account locked={2} → refused {3}, counted on {4}")
    @CsvSource({
        // the student's own browser: a stranger's failures, which lock the account, do not stop it
        "true,  false, true,  false, DEVICE",
        "true,  false, false, false, DEVICE",
        // its own failures lock it, whatever the account
        "true,  true,  false, true,  DEVICE",
        "true,  true,  true,  true,  DEVICE",
        // any other browser or client: Keycloak's lockout of the account, as before
        "false, false, true,  true,  ACCOUNT",
        "false, true,  false, false, ACCOUNT",
        "false, false, false, false, ACCOUNT",
    })
    void aKnownDeviceIsJudgedOnItsOwnFailures(
            boolean known, boolean deviceLocked, boolean accountLocked, boolean refused, KnownDevice.Counter counter) {
        assertThat(KnownDevice.locked(known, deviceLocked, accountLocked)).isEqualTo(refused);
        assertThat(KnownDevice.countedOn(known)).isEqualTo(counter);
        // the stranger stays locked out: a correct sign-in from the known device does not clear the account's failures
        assertThat(KnownDevice.clearsAccountFailures(known)).isEqualTo(!known);
    }
}
