package fr.ent.keycloak.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test run finds the server, the project and its output: system properties set by failsafe. */
public final class ItSettings {

    private ItSettings() {}

    /** The unpacked official Keycloak distribution with the pack's jars in {@code providers/}. */
    static Path keycloakHome() {
        return existing("ent.it.keycloak.home", "the Keycloak distribution (run the ITs through mvn verify)");
    }

    /** The root of the repository, for the realm JSON and the SQL that the demo uses too. */
    public static Path projectRoot() {
        return existing("ent.it.project.root", "the project root");
    }

    /** The module's {@code target/} directory, for server logs. */
    public static Path outputDir() {
        return Path.of(System.getProperty("ent.it.output", "target")).toAbsolutePath();
    }

    static Path realmFile() {
        return projectRoot().resolve("demo/realm/ent-realm.json");
    }

    static Path enrolmentDdl() {
        return projectRoot().resolve("enrolment-user-storage/src/main/sql/ent_enrolment-postgresql.sql");
    }

    static String property(String name, String defaultValue) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            String env = System.getenv(name.toUpperCase().replace('.', '_'));
            value = env == null || env.isBlank() ? defaultValue : env;
        }
        return value;
    }

    private static Path existing(String property, String what) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " (" + what + ") is not set");
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException(what + " is missing: " + path);
        }
        return path;
    }
}
