package fr.ent.keycloak.enrolment.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.common.AccountState;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimisationTest {

    /** An account holding every datum the pack stores about a student. */
    private static final Map<String, String> FULL = Map.of(
            "schacDateOfBirth", "20060314",
            "supannCodeINE", "1234567890A",
            "supannMailPerso", "zoe@example.org",
            "mailForwardingAddress", "zoe@example.net",
            "entActivationLinkId", "f00",
            "supannEtuId", "71000001",
            "mail", "zoe@etu.example.fr",
            "supannEtuAnneeInscription", "2025",
            "entCharterAcceptedAt", "2025-09-15T08:00:00Z",
            "entAccountState", "EXPIRED");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // only a closed account loses anything, and never its login, names, number, university address or dates
                "EXPIRED     | full     | schacDateOfBirth supannCodeINE supannMailPerso mailForwardingAddress"
                        + " entActivationLinkId email",
                "ACTIVE      | full     | ''",
                "ACTIVATABLE | full     | ''",
                "PENDING     | full     | ''",
                // what is already gone is not listed again: a second run removes nothing
                "EXPIRED     | minimal  | ''",
                "EXPIRED     | no-ine   | schacDateOfBirth supannMailPerso email",
            })
    void removesOnlyWhatAClosedAccountStillHolds(AccountState state, String account, String expected) {
        Map<String, String> attributes = new HashMap<>(FULL);
        String email = "zoe@example.org";
        switch (account) {
            case "minimal" -> {
                Minimisation.REMOVED.forEach(attributes::remove);
                email = null;
            }
            case "no-ine" -> {
                attributes.remove("supannCodeINE");
                attributes.remove("mailForwardingAddress");
                attributes.put("entActivationLinkId", " ");
            }
            default -> {}
        }
        List<String> removed = Minimisation.toRemove(state, attributes::get, email);
        assertThat(removed)
                .containsExactlyElementsOf(expected.isBlank() ? List.of() : Arrays.asList(expected.split(" ")));
        assertThat(removed).doesNotContain("supannEtuId", "mail", "supannEtuAnneeInscription", "entCharterAcceptedAt");
    }
}
