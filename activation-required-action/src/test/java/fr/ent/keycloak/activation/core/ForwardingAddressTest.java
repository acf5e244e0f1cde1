package fr.ent.keycloak.activation.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.activation.core.ForwardingAddress.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardingAddressTest {

    private final ForwardingAddress rule = new ForwardingAddress(List.of("umontpellier.fr", " ETU.UMONTPELLIER.FR "));

    @ParameterizedTest
    @ValueSource(
            strings = {"lea.martin@gmail.com", "  hugo+ent@laposte.net ", "x@sub.example.org", "o'neil@example.ie"})
    void acceptsExternalMailboxes(String address) {
        assertThat(rule.refusal(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "lea",
                "lea@",
                "@gmail.com",
                "lea@gmail",
                "lea martin@gmail.com",
                "lea@gmail.com\r\nBcc: victim@example.org",
                "lea@gmail.com\n",
                "lea@@gmail.com",
                "léa@gmail.com",
                "lea@-gmail.com",
                "<lea@gmail.com>"
            })
    void refusesWhatIsNotAnAddress(String address) {
        assertThat(rule.refusal(address)).contains(Refusal.INVALID);
    }

    @Test
    void refusesTheUniversitysOwnDomainsAndTheirSubdomains() {
        assertThat(rule.refusal("lea.martin@umontpellier.fr")).contains(Refusal.UNIVERSITY_DOMAIN);
        assertThat(rule.refusal("lea.martin@ETU.umontpellier.fr")).contains(Refusal.UNIVERSITY_DOMAIN);
        assertThat(rule.refusal("lea.martin@mail.etu.umontpellier.fr")).contains(Refusal.UNIVERSITY_DOMAIN);
        assertThat(rule.refusal("lea.martin@notumontpellier.fr")).isEmpty();
    }

    @Test
    void refusesOverlongAddressesBeforeAnythingElse() {
        String local = "a".repeat(64);
        String domain = "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e".repeat(60) + ".fr";
        assertThat(rule.refusal(local + "@" + domain)).contains(Refusal.TOO_LONG);
        assertThat(rule.refusal("x".repeat(10_000))).contains(Refusal.TOO_LONG);
    }

    @Test
    void normalisesTheDomainOnly() {
        assertThat(ForwardingAddress.normalise("  Lea.Martin@GMail.COM ")).isEqualTo("Lea.Martin@gmail.com");
    }
}
