package fr.ent.keycloak.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderedPolicyManagerTest {

    /** The realm's order (space-separated) and the order the checks run in: whatever hashes runs last. */
    @ParameterizedTest
    @CsvSource({
        "'passwordHistory entPassword entPasswordMaxLength', 'entPassword entPasswordMaxLength passwordHistory'",
        "'entPassword passwordHistory entPasswordMaxLength', 'entPassword entPasswordMaxLength passwordHistory'",
        "'entPassword entPasswordMaxLength passwordHistory', 'entPassword entPasswordMaxLength passwordHistory'",
        "'length passwordHistory maxLength digits', 'length maxLength digits passwordHistory'",
        "'passwordHistory', 'passwordHistory'",
        "'entPassword', 'entPassword'"
    })
    void theHashingPoliciesRunLast(String realmOrder, String checked) {
        List<String> ids = Arrays.asList(realmOrder.split(" "));
        assertThat(OrderedPolicyManager.ordered(ids)).containsExactly(checked.split(" "));
    }
}
