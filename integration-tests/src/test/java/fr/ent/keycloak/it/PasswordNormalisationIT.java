package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;

/**
 * The same password typed with composed or decomposed accents (NFC or NFD, as some Apple keyboards send it) signs in:
 * the realm's hashing is the pack's {@code ent-nfkc} (Keycloak's argon2 over the NFKC form). A password hashed before
 * by Keycloak's own argon2 keeps working, and is hashed again the pack's way at the next correct sign-in.
 */
@EntServerTest
class PasswordNormalisationIT {

    private static final String COMPOSED = Normalizer.normalize("Éléphant-rosé-à-vélo-92", Normalizer.Form.NFC);
    private static final String DECOMPOSED = Normalizer.normalize(COMPOSED, Normalizer.Form.NFD);

    @Test
    void aPasswordSignsInWhateverTheKeyboardSentForItsAccents(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        assertThat(DECOMPOSED).isNotEqualTo(COMPOSED);
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Students.insertPaid(database, "71960001", "nfkcnoe", "Noé", "Clavier");
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "nfkcnoe", COMPOSED);
            UserResource user =
                    realm.users().get(Students.user(realm, "nfkcnoe").getId());
            assertThat(Students.signIn(server, "nfkcnoe", COMPOSED)).isEqualTo(200);
            assertThat(Students.signIn(server, "nfkcnoe", DECOMPOSED)).isEqualTo(200);
            assertThat(algorithm(user)).isEqualTo("ent-nfkc");
            assertThat(Students.signIn(server, "nfkcnoe", "Elephant-rose-a-velo-92"))
                    .isBetween(400, 401);

            // the same password typed the other way is the same password: the history refuses it
            try {
                Students.setPassword(realm, "nfkcnoe", DECOMPOSED);
                throw new AssertionError("the password history took the same password with decomposed accents");
            } catch (jakarta.ws.rs.BadRequestException refused) {
                assertThat(refused.getResponse().readEntity(String.class)).contains("invalidPasswordHistoryMessage");
            }
            // another one chosen decomposed signs in composed
            String next = Normalizer.normalize("Hérisson-forêt-bleue-73", Normalizer.Form.NFD);
            Students.setPassword(realm, "nfkcnoe", next);
            assertThat(Students.signIn(server, "nfkcnoe", Normalizer.normalize(next, Normalizer.Form.NFC)))
                    .isEqualTo(200);
        } finally {
            Students.forget(realm, database, "nfkcnoe");
        }
    }

    @Test
    void aPasswordHashedByKeycloaksOwnAlgorithmKeepsWorkingAndIsHashedAgainAtTheNextSignIn(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        RealmRepresentation before = realm.toRepresentation();
        String policy = before.getPasswordPolicy();
        Students.insertPaid(database, "71960002", "nfkcold", "Léon", "Ancien");
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            // as before the pack's hashing: the realm names Keycloak's argon2
            setPolicy(realm, policy + " and hashAlgorithm(argon2)");
            Students.activate(server, "nfkcold", COMPOSED);
            UserResource user =
                    realm.users().get(Students.user(realm, "nfkcold").getId());
            assertThat(algorithm(user)).isEqualTo("argon2");
            setPolicy(realm, policy);

            assertThat(Students.signIn(server, "nfkcold", COMPOSED)).isEqualTo(200);
            assertThat(algorithm(user)).isEqualTo("ent-nfkc");
            assertThat(Students.signIn(server, "nfkcold", DECOMPOSED)).isEqualTo(200);
        } finally {
            setPolicy(realm, policy);
            Students.forget(realm, database, "nfkcold");
        }
    }

    private static void setPolicy(RealmResource realm, String policy) {
        RealmRepresentation update = new RealmRepresentation();
        update.setPasswordPolicy(policy);
        realm.update(update);
    }

    private static String algorithm(UserResource user) {
        CredentialRepresentation password = user.credentials().stream()
                .filter(credential -> CredentialRepresentation.PASSWORD.equals(credential.getType()))
                .findFirst()
                .orElseThrow();
        java.util.regex.Matcher algorithm =
                java.util.regex.Pattern.compile("\"algorithm\":\"([^\"]+)\"").matcher(password.getCredentialData());
        assertThat(algorithm.find()).as(password.getCredentialData()).isTrue();
        return algorithm.group(1);
    }
}
