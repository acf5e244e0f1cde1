package fr.ent.keycloak.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Two real services of a university's ENT on loopback, in one Apache httpd from Debian: {@code /oidc/} protected by
 * {@code mod_auth_openidc} (an OpenID Connect relying party, with back-channel logout) and {@code /saml/} by
 * {@code mod_auth_mellon} (a SAML 2.0 service provider). Each protected folder holds a page that prints, escaped, what
 * the module handed to the application ({@code <!--#printenv -->}): the claims ({@code OIDC_CLAIM_*}) or the
 * attributes ({@code MELLON_*}). Students reach them at {@code http://localhost:<port>}, the same site as the test
 * server's login page.
 *
 * <p>Nothing is downloaded: Debian's packages {@code apache2}, {@code libapache2-mod-auth-openidc} and
 * {@code libapache2-mod-auth-mellon} ({@code .ci/run} installs them). Where they are absent, the tests that need them
 * are skipped with a banner ({@link #missing()}), never reported as errors.
 */
public final class RelyingParties implements AutoCloseable {

    /** The OIDC service's client id in the realm. */
    public static final String OIDC_CLIENT = "ent-test-apache-oidc";
    /** The SAML service's entity id (its client id in the realm). */
    public static final String SAML_ENTITY = "urn:ent:test:apache-mellon";

    private static final Path MODULES = Path.of("/usr/lib/apache2/modules");
    private static final List<String> MODULES_NEEDED = List.of(
            "mod_mpm_event.so",
            "mod_authn_core.so",
            "mod_authz_core.so",
            "mod_authz_user.so",
            "mod_mime.so",
            "mod_include.so",
            "mod_setenvif.so",
            "mod_auth_openidc.so",
            "mod_auth_mellon.so");

    private final Path directory;
    private final int port;
    private final Process process;
    private final String samlCertificate;

    private RelyingParties(Path directory, int port, Process process, String samlCertificate) {
        this.directory = directory;
        this.port = port;
        this.process = process;
        this.samlCertificate = samlCertificate;
    }

    /** The banner that says why these tests cannot run here (httpd or a module missing), or empty when they can. */
    public static Optional<String> missing() {
        Path httpd = httpd();
        List<String> absent = Stream.concat(
                        Stream.of(httpd).filter(path -> !Files.isExecutable(path)),
                        MODULES_NEEDED.stream().map(MODULES::resolve).filter(path -> !Files.isReadable(path)))
                .map(Path::toString)
                .toList();
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("\n"
                + "################################################################################\n"
                + "# SKIPPED: the real relying parties (Apache httpd, mod_auth_openidc, mod_auth_mellon)\n"
                + "# are not installed (" + String.join(" ", absent) + " missing).\n"
                + "# Service tests did NOT run. Install them: apt-get install -y apache2\n"
                + "#   libapache2-mod-auth-openidc libapache2-mod-auth-mellon\n"
                + "################################################################################");
    }

    private static Path httpd() {
        return Path.of(ItSettings.property("ent.it.httpd", "/usr/sbin/apache2"));
    }

    /**
     * Where httpd's files go. Run as root, httpd's workers run as {@code www-data}, and must reach the document root:
     * a clone in a private folder (mode 0700, as {@code mktemp -d} or root's home give) would stop them ("unable to
     * read htaccess file"), so the files go to a folder of their own under the system's temporary folder, which every
     * user can cross. Otherwise, under the build's {@code target}.
     */
    static Path workingDirectory(int port) throws IOException {
        if (!runsAsRoot()) {
            return Files.createDirectories(
                    ItSettings.projectRoot().resolve("integration-tests/target/relying-parties/" + port));
        }
        Path directory =
                Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "ent-it-httpd-" + port + "-");
        Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return directory;
    }

    /** Whether every folder from the root down to {@code directory} lets other users through (o+x). */
    static boolean crossableByOthers(Path directory) throws IOException {
        for (Path folder = directory.toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (!Files.getPosixFilePermissions(folder)
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Test files only (a throwaway key pair, pages, logs): readable by httpd's workers, its run folder writable. */
    private static void readableByWorkers(Path directory) throws IOException {
        if (!runsAsRoot()) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.toList()) {
                Files.setPosixFilePermissions(
                        path,
                        java.nio.file.attribute.PosixFilePermissions.fromString(
                                Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(
                directory.resolve("run"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    /**
     * Starts httpd for the realm of {@code server}: the OIDC service signs in as {@link #OIDC_CLIENT} with
     * {@code secret} and asks for {@code scopes}; the SAML service reads the realm's IdP metadata.
     */
    public static RelyingParties start(KeycloakServer server, String secret, String scopes) {
        try {
            int port = FreePorts.next();
            Path directory = workingDirectory(port);
            Files.createDirectories(directory.resolve("run"));
            Files.createDirectories(directory.resolve("logs"));
            String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>received</title>"
                    + "</head><body><pre id=\"received\"><!--#printenv --></pre></body></html>\n";
            for (String folder : List.of("oidc", "saml")) {
                Files.createDirectories(directory.resolve("htdocs").resolve(folder));
                Files.writeString(directory.resolve("htdocs").resolve(folder).resolve("index.shtml"), page);
            }
            Files.writeString(directory.resolve("mime.types"), "text/html html shtml\n");
            String certificate = serviceProviderKey(directory);
            Files.writeString(
                    directory.resolve("idp-metadata.xml"), get(server.realmUrl() + "/protocol/saml/descriptor"));
            Files.writeString(directory.resolve("httpd.conf"), configuration(server, directory, port, secret, scopes));
            readableByWorkers(directory);

            Path log = directory.resolve("logs/console.log");
            Process process = new ProcessBuilder(
                            httpd().toString(),
                            "-f",
                            directory.resolve("httpd.conf").toString(),
                            "-DFOREGROUND")
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            RelyingParties started = new RelyingParties(directory, port, process, certificate);
            started.awaitListening(log);
            // stopped even when the test JVM is interrupted: httpd would keep its port otherwise
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ent-it-httpd-stop"));
            System.out.printf("[ENT IT] relying parties (Apache httpd) on %s (%s)%n", started.baseUrl(), directory);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String configuration(KeycloakServer server, Path directory, int port, String secret, String scopes) {
        String base = "http://localhost:" + port;
        boolean root = runsAsRoot();
        StringBuilder conf = new StringBuilder();
        conf.append("ServerRoot \"")
                .append(directory)
                .append("\"\n")
                .append("DefaultRuntimeDir \"")
                .append(directory.resolve("run"))
                .append("\"\n")
                .append("PidFile \"")
                .append(directory.resolve("run/httpd.pid"))
                .append("\"\n")
                .append("Listen 127.0.0.1:")
                .append(port)
                .append('\n')
                .append("ServerName localhost:")
                .append(port)
                .append('\n');
        for (String module : MODULES_NEEDED) {
            String name = module.substring("mod_".length(), module.length() - ".so".length());
            conf.append("LoadModule ")
                    .append(name)
                    .append("_module ")
                    .append(MODULES.resolve(module))
                    .append('\n');
        }
        // mod_auth_mellon marks its cookie SameSite=None, which browsers refuse over plain HTTP (None needs Secure):
        // without the attribute, the cookie travels on the POST from the ENT login page, on the same site here
        conf.append("SetEnvIf Request_URI . MELLON_DISABLE_SAMESITE=1\n")
                .append("KeepAlive Off\n")
                .append("BufferedLogs Off\n");
        if (root) {
            conf.append("User www-data\nGroup www-data\n");
        }
        conf.append("ErrorLog \"")
                .append(directory.resolve("logs/error.log"))
                .append("\"\n")
                .append("LogLevel warn auth_openidc:info auth_mellon:info\n")
                .append("LogFormat \"%m %U%q %>s\" minimal\n")
                .append("CustomLog \"")
                .append(directory.resolve("logs/access.log"))
                .append("\" minimal\n")
                .append("DocumentRoot \"")
                .append(directory.resolve("htdocs"))
                .append("\"\n")
                .append("TypesConfig \"")
                .append(directory.resolve("mime.types"))
                .append("\"\n")
                .append("AddDefaultCharset utf-8\n")
                .append("AddOutputFilter INCLUDES .shtml\n")
                .append("<Directory \"")
                .append(directory.resolve("htdocs"))
                .append("\">\n")
                .append("  Options +Includes\n  Require all granted\n</Directory>\n")
                // the OpenID Connect relying party
                .append("OIDCProviderMetadataURL ")
                .append(server.realmUrl())
                .append("/.well-known/openid-configuration\n")
                .append("OIDCClientID ")
                .append(OIDC_CLIENT)
                .append('\n')
                .append("OIDCClientSecret ")
                .append(secret)
                .append('\n')
                .append("OIDCRedirectURI ")
                .append(base)
                .append("/oidc/redirect_uri\n")
                .append("OIDCCryptoPassphrase ")
                .append(UUID.randomUUID())
                .append('\n')
                .append("OIDCScope \"")
                .append(scopes)
                .append("\"\n")
                .append("OIDCPassClaimsAs environment\n")
                .append("OIDCCookieSameSite On\n")
                .append("<Location /oidc/>\n  AuthType openid-connect\n  Require valid-user\n</Location>\n")
                // the SAML service provider
                .append("<Location /saml/>\n")
                .append("  MellonEnable auth\n")
                .append("  MellonEndpointPath /saml/mellon\n")
                .append("  MellonSPentityId \"")
                .append(SAML_ENTITY)
                .append("\"\n")
                .append("  MellonIdPMetadataFile \"")
                .append(directory.resolve("idp-metadata.xml"))
                .append("\"\n")
                .append("  MellonSPPrivateKeyFile \"")
                .append(directory.resolve("sp.key"))
                .append("\"\n")
                .append("  MellonSPCertFile \"")
                .append(directory.resolve("sp.crt"))
                .append("\"\n")
                .append("  MellonMergeEnvVars On \";\"\n")
                .append("  MellonSamlResponseDump On\n")
                .append("  MellonSetEnv mail urn:oid:0.9.2342.19200300.100.1.3\n")
                .append("  MellonSetEnv givenName urn:oid:2.5.4.42\n")
                .append("  MellonSetEnv sn urn:oid:2.5.4.4\n")
                .append("  MellonSetEnv eduPersonPrincipalName urn:oid:1.3.6.1.4.1.5923.1.1.1.6\n")
                .append("  MellonSetEnv eduPersonAffiliation urn:oid:1.3.6.1.4.1.5923.1.1.1.1\n")
                .append("  MellonSetEnv supannEtuId urn:oid:1.3.6.1.4.1.7135.1.2.1.10\n")
                .append("  MellonSetEnv supannEtablissement urn:oid:1.3.6.1.4.1.7135.1.2.1.14\n")
                .append("  MellonSetEnv supannRessourceEtat urn:oid:1.3.6.1.4.1.7135.1.2.1.55\n")
                .append("  AuthType Mellon\n  Require valid-user\n</Location>\n");
        return conf.toString();
    }

    /**
     * The SAML service's signing key and certificate ({@code sp.key}, {@code sp.crt}, PEM), made with the JDK's
     * keytool (nothing else needed); returns the certificate, base64 DER, as the client's "signing certificate".
     */
    private static String serviceProviderKey(Path directory) throws IOException, InterruptedException {
        Path store = directory.resolve("sp.p12");
        Files.deleteIfExists(store);
        char[] secret = "ent-test".toCharArray();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process generate = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "sp",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=" + SAML_ENTITY.replace(':', '-'),
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        new String(secret))
                .redirectErrorStream(true)
                .start();
        String output = new String(generate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (generate.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, secret);
            }
            Key key = keys.getKey("sp", secret);
            byte[] certificate = keys.getCertificate("sp").getEncoded();
            Files.writeString(directory.resolve("sp.key"), pem("PRIVATE KEY", key.getEncoded()));
            Files.writeString(directory.resolve("sp.crt"), pem("CERTIFICATE", certificate));
            return Base64.getEncoder().encodeToString(certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the SAML service's key could not be read back", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The SAML service's signing certificate, base64 DER: the client verifies its requests with it. */
    public String samlCertificate() {
        return samlCertificate;
    }

    /** {@code http://localhost:<port>}: where students open the services. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The OIDC service's redirect URI (register it on the client). */
    public String oidcRedirectUri() {
        return baseUrl() + "/oidc/redirect_uri";
    }

    /** Where Keycloak posts the OIDC service's back-channel logout tokens (server to server, on loopback). */
    public String backchannelLogoutUrl() {
        return "http://127.0.0.1:" + port + "/oidc/redirect_uri?logout=backchannel";
    }

    /** The SAML service's assertion consumer (register it on the client). */
    public String samlAssertionConsumer() {
        return baseUrl() + "/saml/mellon/postResponse";
    }

    /** The OIDC service's page: what the relying party received. */
    public String oidcPage() {
        return baseUrl() + "/oidc/index.shtml";
    }

    /** The SAML service's page: what the service provider received. */
    public String samlPage() {
        return baseUrl() + "/saml/index.shtml";
    }

    /** The requests httpd answered so far, one line each: method, path and query, status. */
    public List<String> accessLog() {
        try {
            Path log = directory.resolve("logs/access.log");
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What httpd and its modules logged (to read when a test fails). */
    public String errorLog() {
        try {
            Path log = directory.resolve("logs/error.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("httpd stopped at start:\n" + Files.readString(log) + errorLog());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("httpd did not listen within 30 s:\n" + Files.readString(log) + errorLog());
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Stops httpd: its own stop (SIGTERM to the parent), then, after 15 s, every process of it killed. */
    @Override
    public void close() {
        List<ProcessHandle> processes = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .toList();
        process.destroy();
        try {
            if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                processes.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            processes.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
