package fr.ent.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Two Keycloak nodes of one cluster on loopback, as a university runs them: the same distribution with the pack,
 * one shared PostgreSQL database, Infinispan caches over JGroups with {@code jdbc-ping} discovery, each node on its own
 * ports and bind port, behind a load balancer (a TCP relay the test points at one node or the other). Both nodes know
 * the balancer's address as their public hostname, so links and tokens are the same whichever node issues them.
 */
public final class Cluster implements AutoCloseable {

    private static final Pattern TWO_MEMBERS = Pattern.compile("ISPN000094: Received new cluster view[^\\n]*\\(2\\)");

    private final TcpProxy balancer;
    private final KeycloakServer nodeA;
    private final KeycloakServer nodeB;

    private Cluster(TcpProxy balancer, KeycloakServer nodeA, KeycloakServer nodeB) {
        this.balancer = balancer;
        this.nodeA = nodeA;
        this.nodeB = nodeB;
    }

    /** Starts node A (which imports the realm), then node B, on a database of their own. */
    public static Cluster start(EnrolmentDatabase database, MailServer mail) {
        String keycloakDatabase = database.createDatabase("keycloak_cluster");
        TcpProxy balancer = new TcpProxy("127.0.0.1", 1);
        String publicUrl = "http://localhost:" + balancer.port();
        KeycloakServer a = null;
        try {
            a = node("a", database, mail, keycloakDatabase, publicUrl, true);
            balancer.retarget(a.httpPort());
            KeycloakServer b = node("b", database, mail, keycloakDatabase, publicUrl, false);
            return new Cluster(balancer, a, b);
        } catch (RuntimeException e) {
            if (a != null) {
                a.close();
            }
            balancer.close();
            throw e;
        }
    }

    private static KeycloakServer node(
            String name,
            EnrolmentDatabase database,
            MailServer mail,
            String keycloakDatabase,
            String publicUrl,
            boolean importRealm) {
        Map<String, String> environment =
                new HashMap<>(EntEnvironment.serverEnvironment(database, mail, keycloakDatabase));
        environment.put("ENT_PUBLIC_URL", publicUrl);
        environment.put("KC_HOSTNAME", publicUrl);
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx768m");
        int jgroupsPort = FreePorts.next();
        return KeycloakServer.start(
                KeycloakServer.copyDistribution("cluster-" + name),
                importRealm ? ItSettings.realmFile() : null,
                environment,
                ItSettings.outputDir().resolve("keycloak-cluster-" + name + ".log"),
                List.of(
                        "--cache=ispn",
                        "--cache-stack=jdbc-ping",
                        "--cache-embedded-network-bind-address=127.0.0.1",
                        "--cache-embedded-network-bind-port=" + jgroupsPort));
    }

    public KeycloakServer nodeA() {
        return nodeA;
    }

    public KeycloakServer nodeB() {
        return nodeB;
    }

    /** The address students use: the balancer's. */
    public String realmUrl() {
        return "http://localhost:" + balancer.port() + "/realms/" + KeycloakServer.REALM;
    }

    /** Sends the students' traffic to {@code node} from now on (connections open are cut). */
    public void route(KeycloakServer node) {
        balancer.retarget(node.httpPort());
    }

    /** Whether {@code node}'s log shows a cluster view of two members. */
    public static boolean seesTwoMembers(KeycloakServer node) {
        try {
            return TWO_MEMBERS
                    .matcher(new String(Files.readAllBytes(node.log()), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        nodeB.close();
        nodeA.close();
        balancer.close();
    }
}
