package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.ItSettings;
import fr.ent.keycloak.it.support.KeycloakServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.PasswordPolicyTypeRepresentation;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.keycloak.representations.info.ThemeInfoRepresentation;

/** Every component of the pack is registered on the real server, from the jars that the build produced. */
@EntServerTest
class PackRegistrationIT {

    /** Jar installed in providers/ → the module that builds it. */
    private static final Map<String, String> JARS = Map.of(
            "ent-common.jar", "ent-common",
            "ent-password-policy.jar", "password-policy-provider",
            "ent-enrolment-user-storage.jar", "enrolment-user-storage",
            "ent-activation.jar", "activation-required-action",
            "ent-themes.jar", "themes");

    @Test
    void passwordPolicyIsOfferedUnderAuthenticationPolicies(Keycloak admin) {
        ServerInfoRepresentation info = admin.serverInfo().getInfo();

        assertThat(providerIds(info, "password-policy")).contains("entPassword");
        assertThat(info.getPasswordPolicies())
                .extracting(PasswordPolicyTypeRepresentation::getId)
                .contains("entPassword");
    }

    @Test
    void activationRequiredActionIsRegistered(Keycloak admin) {
        assertThat(providerIds(admin.serverInfo().getInfo(), "required-action"))
                .contains(
                        "ent-activation-start",
                        "ent-accept-charter",
                        "ent-mail-forwarding",
                        "ent-activation-summary",
                        "ent-account-check");
        assertThat(providerIds(admin.serverInfo().getInfo(), "actionTokenHandler"))
                .contains("ent-activation");
    }

    @Test
    void enrolmentStorageIsListedUnderUserFederation(Keycloak admin) {
        assertThat(providerIds(admin.serverInfo().getInfo(), "storage")).contains("ent-enrolment");
    }

    @Test
    void entLoginAndEmailThemesAreRegistered(Keycloak admin) {
        Map<String, List<ThemeInfoRepresentation>> themes =
                admin.serverInfo().getInfo().getThemes();

        assertThat(themes.get("login"))
                .extracting(ThemeInfoRepresentation::getName)
                .contains("ent");
        assertThat(themes.get("email"))
                .extracting(ThemeInfoRepresentation::getName)
                .contains("ent");
        assertThat(themes.get("login"))
                .filteredOn(theme -> theme.getName().equals("ent"))
                .flatExtracting(theme -> List.of(theme.getLocales()))
                .contains("fr", "en");
    }

    @Test
    void serverRunsTheBuildsOwnJarsUnderFixedNames(KeycloakServer server) throws Exception {
        Path providers = server.home().resolve("providers");
        List<String> installed;
        try (Stream<Path> files = Files.list(providers)) {
            installed = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".jar"))
                    .toList();
        }

        // the pack's five jars, and the test-only clock jar that the integration tests add
        assertThat(installed)
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(JARS.keySet().stream(), Stream.of("ent-test-clock.jar"))
                                .toList());
        Path root = ItSettings.projectRoot();
        for (Map.Entry<String, String> jar : JARS.entrySet()) {
            Path built = root.resolve(jar.getValue()).resolve("target").resolve(jar.getKey());
            assertThat(sha256(providers.resolve(jar.getKey())))
                    .as("%s in providers/ is the jar that module %s built", jar.getKey(), jar.getValue())
                    .isEqualTo(sha256(built));
        }
    }

    private static List<String> providerIds(ServerInfoRepresentation info, String spi) {
        assertThat(info.getProviders()).containsKey(spi);
        return List.copyOf(info.getProviders().get(spi).getProviders().keySet());
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
