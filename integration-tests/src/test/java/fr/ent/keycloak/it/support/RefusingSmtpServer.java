package fr.ent.keycloak.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server on loopback that refuses every recipient the way real ones do, quoting the address
 * ({@code 550 5.1.1 <lea@example.org>: Recipient address rejected}): what a server log must never repeat.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread thread;

    private RefusingSmtpServer(ServerSocket socket) {
        this.socket = socket;
        this.thread = new Thread(this::serve, "refusing-smtp");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public static RefusingSmtpServer start() throws IOException {
        return new RefusingSmtpServer(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // closed, or the client went away: next one
            }
        }
    }

    private static void converse(Socket client) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 refusing.example ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 refusing.example");
            } else if (command.startsWith("MAIL FROM")) {
                reply(out, "250 2.1.0 Ok");
            } else if (command.startsWith("RCPT TO:")) {
                String address = line.substring("RCPT TO:".length()).trim();
                reply(out, "550 5.1.1 " + address + ": Recipient address rejected: User unknown");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 2.0.0 Bye");
                return;
            } else {
                reply(out, "250 Ok");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
