package fr.ent.keycloak.it.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * The official Keycloak distribution, started as a process with {@code bin/kc.sh} exactly as a university would run
 * it, with the pack's jars in {@code providers/} and the demo realm imported. Its output goes to a log file under
 * {@code target/}.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final String REALM = "ent";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path home;
    private final int httpPort;
    private final int managementPort;
    private final Path log;
    private final Process process;
    private Keycloak admin;

    private KeycloakServer(Path home, int httpPort, int managementPort, Path log, Process process) {
        this.home = home;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the distribution on free ports with an empty database and the realm file imported.
     *
     * @param environment variables for the server, including the ones the realm file's placeholders read
     */
    static KeycloakServer start(Path home, Path realmFile, Map<String, String> environment, Path log) {
        return start(home, realmFile, environment, log, List.of());
    }

    /**
     * Starts the distribution in {@code home} as one node of a cluster or with other options.
     *
     * @param realmFile the realm to import, or null to import none (a second node of a cluster finds it in the
     *     shared database)
     * @param options more command-line options for {@code kc.sh start-dev}
     */
    public static KeycloakServer start(
            Path home, Path realmFile, Map<String, String> environment, Path log, List<String> options) {
        try {
            Path data = home.resolve("data");
            deleteRecursively(data);
            Files.createDirectories(data.resolve("import"));
            if (realmFile != null) {
                Files.copy(realmFile, data.resolve("import").resolve(realmFile.getFileName()));
            }
            Files.createDirectories(log.getParent());

            int httpPort = FreePorts.next();
            int managementPort = FreePorts.next();
            List<String> command = new java.util.ArrayList<>(List.of(
                    home.resolve("bin/kc.sh").toString(),
                    "start-dev",
                    "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort,
                    "--health-enabled=true"));
            if (realmFile != null) {
                command.add("--import-realm");
            }
            command.addAll(options);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            Map<String, String> env = builder.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
            // the realm's frontend URL: links mailed outside any request (activation) point here
            env.put("ENT_PUBLIC_URL", "http://localhost:" + httpPort);
            env.putAll(environment);

            Instant started = Instant.now();
            KeycloakServer server = new KeycloakServer(home, httpPort, managementPort, log, builder.start());
            server.awaitReady(started);
            System.out.printf(
                    "[ENT IT] Keycloak ready on %s in %d s (log: %s)%n",
                    server.baseUrl(), Duration.between(started, Instant.now()).toSeconds(), log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
    }

    /**
     * Starts a second, independent server from a copy of the distribution under {@code target/}, for a test that
     * needs a server set up differently (a broken dictionary, another option). Close it at the end of the test.
     *
     * @param name names the copy's folder and log
     * @param prepare changes the copy before it starts (files in {@code conf/}, …)
     */
    public static KeycloakServer startCopy(String name, java.util.function.Consumer<Path> prepare) {
        return startCopy(name, prepare, Map.of());
    }

    /**
     * A copy of the distribution with the pack, started with {@code environment} (Keycloak's own data in its embedded
     * dev-file database unless the environment says otherwise), the demo's realm imported; stop it after the test.
     */
    public static KeycloakServer startCopy(
            String name, java.util.function.Consumer<Path> prepare, Map<String, String> environment) {
        Path copy = copyDistribution(name);
        prepare.accept(copy);
        if (!environment.isEmpty()) {
            return start(
                    copy,
                    ItSettings.realmFile(),
                    environment,
                    ItSettings.outputDir().resolve("keycloak-" + name + ".log"));
        }
        // the copy imports the demo's realm with its default H2 enrolment database, which the server must allow
        return start(
                copy,
                ItSettings.realmFile(),
                Map.of("KC_SPI_STORAGE__ENT_ENROLMENT__ALLOW_H2", "true"),
                ItSettings.outputDir().resolve("keycloak-" + name + ".log"));
    }

    /** A copy of the distribution with the pack, under {@code target/server-<name>}, without data. */
    public static Path copyDistribution(String name) {
        Path copy = ItSettings.outputDir().resolve("server-" + name);
        try {
            deleteRecursively(copy);
            Path source = ItSettings.keycloakHome();
            try (Stream<Path> paths = Files.walk(source)) {
                for (Path path :
                        paths.filter(p -> !p.startsWith(source.resolve("data"))).toList()) {
                    Path destination = copy.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(path, destination, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the Keycloak distribution to " + copy, e);
        }
        return copy;
    }

    /** Kills the server at once ({@code kill -9}), as a crashed machine would stop. */
    public synchronized void kill() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Instant started) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (true) {
            if (!process.isAlive()) {
                throw failedToStart("Keycloak exited with code " + process.exitValue() + " during start-up");
            }
            if (Duration.between(started, Instant.now()).compareTo(START_TIMEOUT) > 0) {
                close();
                throw failedToStart("Keycloak was not ready after " + START_TIMEOUT.toSeconds() + " s");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw failedToStart("Interrupted while waiting for Keycloak");
            }
            sleep(Duration.ofMillis(500));
        }
    }

    private IllegalStateException failedToStart(String why) {
        return new IllegalStateException(why + ". Last lines of " + log + ":\n" + tail(0, 80));
    }

    public int httpPort() {
        return httpPort;
    }

    /** {@code http://localhost:<port>}, the address students and admins use. */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Health and metrics interface. */
    public String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return log;
    }

    /** An admin client logged in to the master realm as the bootstrap administrator; shared, do not close it. */
    private java.time.Duration clockOffset = java.time.Duration.ZERO;

    public synchronized Keycloak admin() {
        if (admin == null) {
            admin = KeycloakBuilder.builder()
                    .serverUrl(baseUrl())
                    .realm("master")
                    .clientId("admin-cli")
                    .username(ADMIN_USER)
                    .password(ADMIN_PASSWORD)
                    .build();
        }
        return admin;
    }

    /**
     * Moves the server's clock (Keycloak's time offset, through the test-only {@code ent-test-clock} resource) to
     * {@code offset} from the real time, and logs the admin client in again so that it holds a token of the new time.
     * The extension puts the clock back after each test.
     */
    public synchronized void setClockOffset(java.time.Duration offset) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                            realmUrl() + "/ent-test-clock/offset?seconds=" + offset.toSeconds()))
                                    .PUT(java.net.http.HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().equals(Long.toString(offset.toSeconds()))) {
                throw new IllegalStateException("The server's clock did not move: " + response.statusCode());
            }
            clockOffset = offset;
            admin().tokenManager().grantToken();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How far the server's clock was moved by {@link #setClockOffset}. */
    public synchronized java.time.Duration clockOffset() {
        return clockOffset;
    }

    /**
     * Waits until the activation mail task has finished {@code runs} more runs from now (it logs each at DEBUG, which
     * the harness turns on): whatever it was going to send by then is sent. Instead of a sleep before checking that
     * nothing more arrived, which would pass if the task had stalled.
     */
    public void awaitMailTaskRuns(int runs) {
        long position = logPosition();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            String written = tail(position, 100_000);
            int finished = 0;
            for (int at = written.indexOf(MAIL_TASK_RUN); at >= 0; at = written.indexOf(MAIL_TASK_RUN, at + 1)) {
                finished++;
            }
            if (finished >= runs) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the activation mail task finished " + finished + " run(s) in 90 s, not "
                        + runs + " (stalled?); is LifecycleMailTask's DEBUG log on?");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static final String MAIL_TASK_RUN = "ENT activation: mail task run finished";

    /** The current length of the server log, to read later what the server wrote from now on. */
    public long logPosition() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The stacks of the server's scheduled-task thread and of the pack's own threads ({@code jcmd Thread.print} from
     * the JDK that runs the tests), for the report of a failed test: a stalled task shows where it waits.
     */
    public String packThreads() {
        java.util.Optional<String> jcmd = ProcessHandle.current()
                .info()
                .command()
                .map(java -> Path.of(java).resolveSibling("jcmd"))
                .filter(Files::isExecutable)
                .map(Path::toString);
        java.util.Optional<ProcessHandle> jvm = java.util.stream.Stream.concat(
                        Stream.of(process.toHandle()), process.descendants())
                .filter(handle ->
                        handle.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst();
        if (jcmd.isEmpty() || jvm.isEmpty()) {
            return "(no thread dump: jcmd or the server's JVM not found)";
        }
        try {
            Process dump = new ProcessBuilder(
                            jcmd.get(), Long.toString(jvm.get().pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .start();
            String all = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            StringBuilder kept = new StringBuilder();
            for (String thread : all.split("\n\n")) {
                if (thread.startsWith("\"Timer-") || thread.contains("fr.ent.keycloak")) {
                    kept.append(thread).append("\n\n");
                }
            }
            return kept.length() == 0 ? "(no pack thread running)" : kept.toString();
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /** Waits (30 s at most) until the server has logged {@code text} after {@code position}. */
    public void awaitLogLine(long position, String text) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (tail(position, 2000).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server never logged \"" + text + "\"");
    }

    /** The last {@code maxLines} lines that the server wrote after {@code position}. */
    public String tail(long position, int maxLines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.min(position, file.length());
            byte[] bytes = new byte[(int) Math.min(file.length() - start, 8L * 1024 * 1024)];
            file.seek(file.length() - bytes.length);
            file.readFully(bytes);
            Deque<String> lines = new ArrayDeque<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
                lines.addLast(line);
                if (lines.size() > maxLines) {
                    lines.removeFirst();
                }
            }
            return String.join("\n", lines);
        } catch (IOException e) {
            return "(server log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the server as an operator would (SIGTERM, which kc.sh forwards), then forcibly after 30 seconds. */
    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println(
                        "[ENT IT] Keycloak did not stop within " + STOP_TIMEOUT.toSeconds() + " s: killing it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
