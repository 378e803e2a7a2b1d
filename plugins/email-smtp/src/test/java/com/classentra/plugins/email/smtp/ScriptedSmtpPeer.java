package com.classentra.plugins.email.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny SMTP server whose replies a test chooses, for the refusals GreenMail never gives (550 unknown
 * recipient, 450 mailbox busy, 554 rejected content, 553 sender not allowed, a silent server). Replies are
 * keyed by command verb; "GREETING" is the banner ("" means say nothing) and "END" the reply after DATA.
 */
final class ScriptedSmtpPeer implements AutoCloseable {

    private final ServerSocket server;
    private final Map<String, String> replies;
    final List<String> commands = new CopyOnWriteArrayList<>();

    ScriptedSmtpPeer(Map<String, String> replies) throws IOException {
        this.replies = replies;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> converse(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            String greeting = replies.getOrDefault("GREETING", "220 scripted ESMTP");
            if (greeting.isEmpty()) {
                in.read(); // stay silent until the client gives up
                return;
            }
            reply(out, greeting);
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                commands.add(line);
                switch (verb) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted");
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    case "DATA" -> {
                        String answer = replies.getOrDefault("DATA", "354 go ahead");
                        reply(out, answer);
                        if (answer.startsWith("354")) {
                            while ((line = in.readLine()) != null && !line.equals(".")) {
                                // the message body is not needed by the tests
                            }
                            reply(out, replies.getOrDefault("END", "250 2.0.0 queued"));
                        }
                    }
                    default -> reply(out, replies.getOrDefault(verb, "250 OK"));
                }
            }
        } catch (IOException ignored) {
            // the client hung up
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
