package fr.ent.keycloak.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay on loopback between the Keycloak server and a database, to count the connections the server opens and
 * the bytes it sends, and to
 * make the database vanish: {@link Mode#FORWARD} relays, {@link Mode#SILENT} accepts connections and never answers (a
 * database that hangs), {@link Mode#REFUSE} closes each connection at once (a database that is down).
 */
public final class TcpProxy implements AutoCloseable {

    public enum Mode {
        FORWARD,
        SILENT,
        REFUSE
    }

    private final ServerSocket server;
    private final String targetHost;
    private volatile int targetPort;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong bytesToDatabase = new AtomicLong();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.FORWARD;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted since the start or the last {@link #resetCount()}. */
    public int connections() {
        return connections.get();
    }

    /**
     * Bytes the server sent towards the database since the start or the last {@link #resetCount()}: any query, and
     * any check of a pooled connection, sends some; a server that asks nothing sends none.
     */
    public long bytesToDatabase() {
        return bytesToDatabase.get();
    }

    public void resetCount() {
        connections.set(0);
        bytesToDatabase.set(0);
    }

    /** Sends new connections to another port, and cuts the ones open: a load balancer failing over. */
    public void retarget(int port) {
        targetPort = port;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Changes what happens to new connections, and cuts the ones already open. */
    public void mode(Mode newMode) {
        mode = newMode;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            connections.incrementAndGet();
            switch (mode) {
                case REFUSE -> closeQuietly(client);
                case SILENT -> open.add(client);
                case FORWARD -> forward(client);
            }
        }
    }

    private void forward(Socket client) {
        try {
            Socket target = new Socket();
            target.connect(new InetSocketAddress(targetHost, targetPort), 5000);
            open.add(client);
            open.add(target);
            pump(client, target, bytesToDatabase);
            pump(target, client, new AtomicLong());
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static void pump(Socket from, Socket to, AtomicLong counted) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            counted.addAndGet(read);
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException ended) {
                        // one side closed
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        mode(Mode.REFUSE);
    }
}
