package fr.ent.keycloak.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/**
 * httpd's workers (www-data, when the tests run as root) reach its files wherever the clone sits, a private folder
 * (mode 0700) included; and the check itself tells a private folder from an open one.
 */
class RelyingPartiesDirectoryTest {

    @Test
    void httpdsFilesAreReachableByItsWorkersWhereverTheCloneSits() throws Exception {
        Path directory = RelyingParties.workingDirectory(FreePorts.next());
        try {
            if ("root".equals(System.getProperty("user.name"))) {
                assertThat(RelyingParties.crossableByOthers(directory))
                        .as("every folder down to %s lets www-data through", directory)
                        .isTrue();
            } else {
                // httpd's workers run as the user who started it: the build's own folder does
                assertThat(directory.toString()).contains("integration-tests/target/relying-parties");
            }
        } finally {
            if (directory.toString().contains("ent-it-httpd-")) {
                Files.deleteIfExists(directory);
            }
        }
    }

    @Test
    void aPrivateFolderIsToldApart() throws Exception {
        Path open = Files.createTempDirectory("ent-open-");
        Path hidden = Files.createDirectory(open.resolve("private"));
        Path inside = Files.createDirectory(hidden.resolve("clone"));
        try {
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThat(RelyingParties.crossableByOthers(inside)).isFalse();
            Files.setPosixFilePermissions(hidden, PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThat(RelyingParties.crossableByOthers(inside) == RelyingParties.crossableByOthers(open))
                    .isTrue();
        } finally {
            Files.deleteIfExists(inside);
            Files.deleteIfExists(hidden);
            Files.deleteIfExists(open);
        }
    }
}
