package fr.ent.keycloak.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who may depend on whom (DESIGN.md, docs/architecture.md), read from the sources: every reference to a package of the
 * pack, imported or written in full. One audience per module, feature modules independent of one another, nothing
 * depending on the console, cores free of Keycloak, and no package of a module pointing back up at one that uses it.
 */
class ArchitectureTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Module folder → its base package. */
    private static final Map<String, String> MODULES = Map.of(
            "ent-common", "fr.ent.keycloak.common",
            "keycloak-support", "fr.ent.keycloak.support",
            "password-policy-provider", "fr.ent.keycloak.password",
            "enrolment-user-storage", "fr.ent.keycloak.enrolment",
            "activation-required-action", "fr.ent.keycloak.activation",
            "service-mappers", "fr.ent.keycloak.services",
            "assistance-console", "fr.ent.keycloak.assistance");

    /** Module → the other modules it may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "ent-common", Set.of(),
            "keycloak-support", Set.of("ent-common"),
            "password-policy-provider", Set.of("ent-common", "keycloak-support"),
            "enrolment-user-storage", Set.of("ent-common", "keycloak-support"),
            "activation-required-action", Set.of("ent-common", "keycloak-support"),
            "service-mappers", Set.of("ent-common", "keycloak-support"),
            "assistance-console", Set.of("ent-common", "keycloak-support", "activation-required-action"));

    private static final Pattern REFERENCE = Pattern.compile("\\bfr\\.ent\\.keycloak\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    /** Package → the packages of the pack its classes refer to (itself left out). */
    private static Map<String, Set<String>> packageReferences(String module) {
        Map<String, Set<String>> references = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                assertThat(declared.find()).as("package of %s", file).isTrue();
                String own = declared.group(1);
                Set<String> used = references.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(source);
                while (reference.find()) {
                    String target = "fr.ent.keycloak." + reference.group(1);
                    if (!target.equals(own)) {
                        used.add(target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return references;
    }

    private static String moduleOf(String pack) {
        return MODULES.entrySet().stream()
                .filter(m -> pack.equals(m.getValue()) || pack.startsWith(m.getValue() + "."))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("?");
    }

    @Test
    void eachModuleUsesOnlyTheModulesItMay() {
        for (String module : MODULES.keySet()) {
            Set<String> used = new TreeSet<>();
            packageReferences(module)
                    .values()
                    .forEach(targets -> targets.stream()
                            .map(ArchitectureTest::moduleOf)
                            .filter(m -> !m.equals(module))
                            .forEach(used::add));
            assertThat(ALLOWED.get(module)).as("modules %s uses", module).containsAll(used);
        }
    }

    @Test
    void theCoresKnowNothingOfKeycloak() throws IOException {
        for (String module : MODULES.keySet()) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file :
                        files.filter(f -> f.getParent().endsWith("core")).toList()) {
                    assertThat(Files.readString(file))
                            .as("%s: a core is plain Java", ROOT.relativize(file))
                            .doesNotContain("import org.keycloak.")
                            .doesNotContain("import jakarta.");
                }
            }
        }
    }

    /** Inside a module, no two packages use each other (directly or through others): the packages form layers. */
    @Test
    void noPackagePointsBackUp() {
        for (String module : MODULES.keySet()) {
            Map<String, Set<String>> references = packageReferences(module);
            for (String start : references.keySet()) {
                Set<String> reached = new TreeSet<>();
                reach(references, start, reached);
                assertThat(reached).as("packages reached from %s", start).doesNotContain(start);
            }
        }
    }

    private static void reach(Map<String, Set<String>> references, String from, Set<String> reached) {
        for (String next : references.getOrDefault(from, Set.of())) {
            if (references.containsKey(next) && reached.add(next)) {
                reach(references, next, reached);
            }
        }
    }
}
