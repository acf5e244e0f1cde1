package fr.ent.keycloak.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ./start.sh --help} answers, as DESIGN.md promises, with the options and variables it reads. */
class StartScriptTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** What {@code ./start.sh --help} prints; it must answer with status 0. */
    static String help() throws IOException, InterruptedException {
        Process help = new ProcessBuilder("bash", ROOT.resolve("start.sh").toString(), "--help")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(help.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void helpListsTheOptionsAndVariables() throws IOException, InterruptedException {
        String text = help();

        assertThat(text)
                .contains("./start.sh stop")
                .contains("ENT_HTTP_PORT", "ENT_MANAGEMENT_PORT", "ENT_ADMIN_USER", "ENT_ADMIN_PASSWORD")
                .contains("ENT_ENROLMENT_JDBC_URL", "ENT_DB_URL", "ENT_PUBLIC_URL")
                .contains("(default http://localhost:8080)")
                .doesNotContain("unbound variable");
    }
}
