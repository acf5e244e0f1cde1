package fr.ent.keycloak.activation.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressTest {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.7, 203.0.113.7",
        "' 203.0.113.7 ', 203.0.113.7",
        "2001:db8:1:2:aaaa:bbbb:cccc:dddd, 2001:db8:1:2::/64",
        "2001:db8:1:2::1, 2001:db8:1:2::/64",
        "2001:DB8:1:2:ffff::9, 2001:db8:1:2::/64",
        "[2001:db8:1:2::1], 2001:db8:1:2::/64",
        "fe80::1%eth0, fe80:0:0:0::/64",
        "2001:db8:1:3::1, 2001:db8:1:3::/64",
        "::ffff:203.0.113.7, 203.0.113.7",
        "::1, 0:0:0:0::/64",
        "not-an-address, not-an-address",
        "'', unknown"
    })
    void anIpv6ClientCountsAsItsSlash64(String address, String key) {
        assertThat(ClientAddress.limitKey(address)).isEqualTo(key);
    }
}
