package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.info.ServerInfoRepresentation;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The image of {@code docker/Dockerfile}, built and started with testcontainers-keycloak, the ecosystem's usual way to
 * test Keycloak extensions: the pack's providers and theme are in it. Runs with {@code mvn verify -Pdocker}; skips
 * itself, saying so, where no Docker engine answers (the machine the pack is developed on has none, so this test was
 * never run there).
 */
class ImageIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theImageServesThePack() {
        boolean engine;
        try {
            engine = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            engine = false;
        }
        String message = "\n"
                + "################################################################################\n"
                + "# SKIPPED: no Docker engine answers here; the image test (ImageIT) did NOT run.\n"
                + "# docker/ is checked statically by DeploymentFilesTest; run -Pdocker where Docker is.\n"
                + "################################################################################";
        if (!engine) {
            System.err.println(message);
        }
        Assumptions.assumeTrue(engine, message);

        String image = new ImageFromDockerfile("ent-keycloak-pack-test", false)
                .withFileFromPath(".", ROOT)
                .withDockerfile(ROOT.resolve("docker/Dockerfile"))
                .get();
        try (KeycloakContainer keycloak = new KeycloakContainer(image)) {
            keycloak.start();
            Keycloak admin = keycloak.getKeycloakAdminClient();
            ServerInfoRepresentation info = admin.serverInfo().getInfo();
            Map<String, Object> providers = info.getProviders().entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey,
                            entry -> entry.getValue().getProviders().keySet()));
            assertThat(providers.get("required-action").toString())
                    .contains("ent-activation-start", "ent-choose-password", "ent-activation-summary");
            assertThat(providers.get("storage").toString()).contains("ent-enrolment");
            assertThat(providers.get("password-policy").toString()).contains("entPassword");
            assertThat(info.getThemes().get("login").stream().map(theme -> theme.getName()))
                    .contains("ent");
        }
    }
}
