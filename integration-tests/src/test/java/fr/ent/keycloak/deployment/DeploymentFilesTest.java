package fr.ent.keycloak.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The deployment files in {@code docker/}, checked without Docker (no engine runs where the pack is built): the image
 * is built on the Keycloak version the tests run, with the jars the build makes; the compose file parses, and its
 * services, ports, variables and mounted files agree with each other, with the realm and with docs/deployment.md; the
 * Kubernetes resources use the same image and realm.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:-[^}]*)?}");
    private static final Pattern REALM_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):");

    @Test
    void theImageIsBuiltOnTheTestedKeycloakWithTheJarsTheBuildMakes() throws IOException {
        String dockerfile = read("docker/Dockerfile");
        String serverVersion = property(read("pom.xml"), "keycloak.server.version");

        List<String> bases = all(Pattern.compile("(?m)^FROM (\\S+)"), dockerfile);
        assertThat(bases).allMatch(base -> !base.endsWith(":latest") && base.contains(":"));
        // Keycloak's version is one build argument for both stages, whose default is the patched release of the same
        // minor version as the one the tests run on, never older
        assertThat(bases.stream().filter(base -> base.startsWith("quay.io/keycloak/keycloak:")))
                .hasSize(2)
                .allMatch(base -> base.equals("quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}"));
        Matcher argument = Pattern.compile("(?m)^ARG KEYCLOAK_VERSION=(\\S+)$").matcher(dockerfile);
        assertThat(argument.find())
                .as("ARG KEYCLOAK_VERSION=… before the first FROM")
                .isTrue();
        assertThat(argument.start()).isLessThan(dockerfile.indexOf("\nFROM "));
        String imageVersion = argument.group(1);
        assertThat(imageVersion).isEqualTo(property(read("pom.xml"), "keycloak.image.version"));
        String[] image = imageVersion.split("\\.");
        String[] tested = serverVersion.split("\\.");
        assertThat(image[0] + "." + image[1]).isEqualTo(tested[0] + "." + tested[1]);
        assertThat(Integer.parseInt(image[2])).isGreaterThanOrEqualTo(Integer.parseInt(tested[2]));
        // the patch release that fixes CVE-2026-19607 and CVE-2026-16103 (docs/security.md)
        assertThat(Integer.parseInt(image[2])).isGreaterThanOrEqualTo(5);
        assertThat(read("docs/security.md")).contains(serverVersion).contains(imageVersion);

        // each jar copied comes from a module whose jar has that fixed name, and they are the ones ./start.sh installs
        Matcher copy = Pattern.compile("COPY --from=pack \\S+ /src/([\\w-]+)/target/([\\w-]+)\\.jar ")
                .matcher(dockerfile);
        Set<String> jars = new TreeSet<>();
        while (copy.find()) {
            String module = copy.group(1);
            String modulePom = read(module + "/pom.xml");
            assertThat(modulePom).contains("<finalName>${project.artifactId}</finalName>");
            assertThat(artifactId(modulePom)).as("jar of module %s", module).isEqualTo(copy.group(2));
            jars.add(copy.group(2));
        }
        Matcher installed = Pattern.compile("for jar in ([\\w -]+); do").matcher(read("start.sh"));
        assertThat(installed.find()).isTrue();
        assertThat(jars).containsExactlyInAnyOrder(installed.group(1).trim().split("\\s+"));

        // the Maven stage builds those modules
        Matcher modules = Pattern.compile("-pl ([\\w,-]+) -am package").matcher(dockerfile);
        assertThat(modules.find()).isTrue();
        for (String module : modules.group(1).split(",")) {
            assertThat(ROOT.resolve(module).resolve("pom.xml")).exists();
        }
        // optimised once, started optimised, as a non-root user
        assertThat(dockerfile).contains("RUN /opt/keycloak/bin/kc.sh build");
        assertThat(dockerfile).contains("ENV KC_DB=postgres");
        String last = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        assertThat(last).contains("\nUSER 1000\n").contains("CMD [\"start\", \"--optimized\"]");
    }

    @Test
    void composeRunsTwoKeycloakNodesBehindALoadBalancer_consistentWithItsFilesAndTheDocs() throws IOException {
        String text = read("docker/compose.yaml");
        Map<String, Object> compose = map(new Load(LoadSettings.builder().build()).loadFromString(text));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsOnlyKeys("postgres", "keycloak-1", "keycloak-2", "lb", "mail");

        for (String node : List.of("keycloak-1", "keycloak-2")) {
            Map<String, Object> service = merged(map(services.get(node)));
            assertThat(service.get("image")).isEqualTo("ent-keycloak-pack:0.1.0");
            assertThat(map(service.get("build"))).containsEntry("dockerfile", "docker/Dockerfile");
            Map<String, Object> environment = map(service.get("environment"));
            assertThat(environment.keySet())
                    .contains("KC_DB_URL", "KC_HOSTNAME", "KC_PROXY_HEADERS", "ENT_PUBLIC_URL")
                    .contains("ENT_SMTP_HOST", "ENT_ENROLMENT_JDBC_URL", "ENT_ENROLMENT_DB_PASSWORD");
            assertThat(list(service.get("command"))).startsWith("start", "--optimized");
        }
        // the realm is imported once, by the first node
        assertThat(list(map(services.get("keycloak-1")).get("command"))).contains("--import-realm");
        assertThat(list(map(services.get("keycloak-2")).get("command"))).doesNotContain("--import-realm");

        // the balancer sends to both nodes, and it is what the students' port reaches
        assertThat(list(map(services.get("lb")).get("ports"))).containsExactly("${ENT_HTTP_PORT:-8080}:80");
        String nginx = read("docker/nginx.conf");
        assertThat(nginx).contains("server keycloak-1:8080;", "server keycloak-2:8080;");

        // a client cannot choose the address the per-address limits count: the balancer replaces X-Forwarded-For
        // with the address it saw, and Keycloak believes the header only from the balancer's own address
        assertThat(nginx)
                .contains("proxy_set_header X-Forwarded-For $remote_addr;")
                .doesNotContain("$proxy_add_x_forwarded_for");
        Map<String, Object> lbNetworks = map(map(services.get("lb")).get("networks"));
        String lbAddress = String.valueOf(map(lbNetworks.get("default")).get("ipv4_address"));
        for (String node : List.of("keycloak-1", "keycloak-2")) {
            assertThat(map(merged(map(services.get(node))).get("environment")))
                    .containsEntry("KC_PROXY_TRUSTED_ADDRESSES", lbAddress);
        }
        assertThat(read("docker/kubernetes/keycloak.yaml")).contains("name: proxy-trusted-addresses");

        // every file mounted exists
        for (String name : services.keySet()) {
            Map<String, Object> service = merged(map(services.get(name)));
            for (Object volume : list(service.getOrDefault("volumes", List.of()))) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(ROOT.resolve("docker").resolve(source).normalize())
                            .as("mounted by %s", name)
                            .exists();
                }
            }
        }
        assertThat(read("docker/postgres-init/01-ent.sh")).contains("/ent-sql/ent_enrolment-postgresql.sql");
        assertThat(ROOT.resolve("enrolment-user-storage/src/main/sql/ent_enrolment-postgresql.sql"))
                .exists();

        // variables: those compose reads are in .env.example, and .env.example holds nothing else
        Set<String> used = new TreeSet<>(all(VARIABLE, text));
        Set<String> declared = new TreeSet<>();
        for (String line : read("docker/.env.example").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                declared.add(line.substring(0, line.indexOf('=')));
            }
        }
        assertThat(declared).isEqualTo(used);

        // the docs show how to run it, what to open, and every variable
        String docs = read("docs/deployment.md");
        assertThat(docs).contains("docker compose up", "http://localhost:8080", "http://localhost:8025");
        assertThat(declared).allMatch(docs::contains);
    }

    @Test
    void kubernetesUsesTheSameImageAndTheSameRealm() throws IOException {
        List<Map<String, Object>> keycloak = documents("docker/kubernetes/keycloak.yaml");
        Map<String, Object> cr = keycloak.stream()
                .filter(document -> "Keycloak".equals(document.get("kind")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> spec = map(cr.get("spec"));
        assertThat(spec.get("image").toString()).endsWith("/ent-keycloak-pack:0.1.0");
        assertThat(spec.get("instances")).isEqualTo(2);
        assertThat(spec.get("startOptimized")).isEqualTo(true);

        Map<String, Object> imported =
                documents("docker/kubernetes/realm-import.yaml").get(0);
        Map<String, Object> importSpec = map(imported.get("spec"));
        assertThat(importSpec.get("keycloakCRName"))
                .isEqualTo(map(cr.get("metadata")).get("name"));
        String realmJson = read("demo/realm/ent-realm.json");
        Object realm = new Load(LoadSettings.builder().build()).loadFromString(realmJson);
        assertThat(importSpec.get("realm"))
                .as("docker/kubernetes/realm-import.yaml is generated from demo/realm/ent-realm.json:"
                        + " run python3 docker/kubernetes/generate-realm-import.py")
                .isEqualTo(realm);

        // each placeholder of the realm is read from the secret keycloak.yaml defines
        Set<String> placeholders = new TreeSet<>(all(REALM_PLACEHOLDER, realmJson));
        assertThat(map(importSpec.get("placeholders")).keySet()).containsExactlyInAnyOrderElementsOf(placeholders);
        Map<String, Object> settings = keycloak.stream()
                .filter(document -> "Secret".equals(document.get("kind"))
                        && "ent-realm-settings"
                                .equals(map(document.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(map(settings.get("stringData")).keySet()).containsExactlyInAnyOrderElementsOf(placeholders);
    }

    private static List<Map<String, Object>> documents(String path) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(read(path))) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    /** A service with the YAML merge key ({@code <<: *anchor}) applied, as Docker Compose reads it. */
    private static Map<String, Object> merged(Map<String, Object> service) {
        Map<String, Object> result = new LinkedHashMap<>();
        Object base = service.get("<<");
        if (base != null) {
            result.putAll(map(base));
        }
        service.forEach((key, value) -> {
            if (!"<<".equals(key)) {
                result.put(key, value);
            }
        });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return new ArrayList<>((List<?>) value);
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String property(String pom, String name) {
        Matcher matcher =
                Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as(name).isTrue();
        return matcher.group(1);
    }

    private static String artifactId(String pom) {
        // the module's own artifactId follows its parent's block
        String afterParent = pom.substring(pom.indexOf("</parent>"));
        return property(afterParent, "artifactId");
    }

    private static String read(String path) throws IOException {
        return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
    }
}
