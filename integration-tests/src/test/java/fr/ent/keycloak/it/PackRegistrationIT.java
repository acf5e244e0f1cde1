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
            "ent-keycloak-support.jar", "keycloak-support",
            "ent-password-policy.jar", "password-policy-provider",
            "ent-enrolment-user-storage.jar", "enrolment-user-storage",
            "ent-activation.jar", "activation-required-action",
            "ent-service-mappers.jar", "service-mappers",
            "ent-assistance-console.jar", "assistance-console",
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

    /**
     * Every factory that a jar of the pack lists in its {@code META-INF/services} files is registered on the server
     * under its id and SPI. Built from the jars themselves: a factory added to a services file is checked without
     * touching this test, and one missing from it (or failing to load) fails here. The factories are loaded from the
     * installed jars with the distribution's own libraries, outside the server, only to read their ids and SPIs.
     */
    @Test
    void everyFactoryListedInTheJarsIsRegistered(Keycloak admin, KeycloakServer server) throws Exception {
        Path home = server.home();
        List<java.net.URL> urls = new java.util.ArrayList<>();
        for (Path folder :
                List.of(home.resolve("lib/lib/boot"), home.resolve("lib/lib/main"), home.resolve("providers"))) {
            try (Stream<Path> jars = Files.list(folder)) {
                for (Path jar :
                        jars.filter(path -> path.toString().endsWith(".jar")).toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
        }
        ServerInfoRepresentation info = admin.serverInfo().getInfo();
        int checked = 0;
        try (java.net.URLClassLoader loader =
                new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Map<Class<?>, String> spis = spiNames(loader);
            for (String jarName : JARS.keySet()) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(
                        home.resolve("providers").resolve(jarName).toFile())) {
                    for (java.util.jar.JarEntry entry : java.util.Collections.list(jar.entries())) {
                        if (!entry.getName().startsWith("META-INF/services/") || entry.isDirectory()) {
                            continue;
                        }
                        Class<?> factoryType =
                                loader.loadClass(entry.getName().substring("META-INF/services/".length()));
                        String spi = spis.entrySet().stream()
                                .filter(known -> known.getKey().isAssignableFrom(factoryType))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElse(null);
                        if (spi == null) {
                            continue; // not a provider factory (the shaded libraries' own services)
                        }
                        String listed = new String(
                                jar.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        for (String line : listed.split("\\R")) {
                            String className = line.replaceAll("#.*", "").trim();
                            if (className.isEmpty()) {
                                continue;
                            }
                            Class<?> factory = loader.loadClass(className);
                            Object instance = factory.getDeclaredConstructor().newInstance();
                            String id = (String) factory.getMethod("getId").invoke(instance);
                            assertThat(providerIds(info, spi))
                                    .as("%s (%s in %s) is registered in SPI %s", id, className, jarName, spi)
                                    .contains(id);
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).as("factories checked").isGreaterThanOrEqualTo(21);
    }

    /** Each SPI of the distribution: the factory type it loads → its name. */
    private static Map<Class<?>, String> spiNames(ClassLoader loader) throws Exception {
        Class<?> spiType = loader.loadClass("org.keycloak.provider.Spi");
        Map<Class<?>, String> names = new java.util.LinkedHashMap<>();
        java.util.Iterator<?> spis =
                java.util.ServiceLoader.load(spiType, loader).iterator();
        for (int guard = 0; guard < 10_000; guard++) {
            Object spi;
            try {
                if (!spis.hasNext()) {
                    break;
                }
                spi = spis.next();
            } catch (java.util.ServiceConfigurationError unloadable) {
                continue; // an SPI that needs the running server to load: none of ours
            }
            names.put((Class<?>) spiType.getMethod("getProviderFactoryClass").invoke(spi), (String)
                    spiType.getMethod("getName").invoke(spi));
        }
        return names;
    }

    private static List<String> providerIds(ServerInfoRepresentation info, String spi) {
        assertThat(info.getProviders()).containsKey(spi);
        return List.copyOf(info.getProviders().get(spi).getProviders().keySet());
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
