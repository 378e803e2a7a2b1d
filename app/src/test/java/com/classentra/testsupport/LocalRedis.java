package com.classentra.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Redis on 127.0.0.1:6379 that these machines run, spoken to in its own protocol (RESP) by the tests that check what
 * the cache-redis plugin put there: Lettuce lives in the plugin only. Tests that need it are skipped when nothing
 * answers.
 */
public final class LocalRedis {

    public static final int PORT = 6379;

    private LocalRedis() {
    }

    public static boolean answers() {
        return command("PING").startsWith("+PONG");
    }

    /** One command; the first line of the answer, or "" when nothing answers. */
    public static String command(String... parts) {
        try (Socket socket = connect()) {
            send(socket, parts);
            return readLine(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            return "";
        }
    }

    /** Subscribes to {@code channel}; each message published there arrives in {@link Subscriber#messages()}. */
    public static Subscriber subscribe(String channel) throws IOException, InterruptedException {
        Socket socket = connect();
        socket.setSoTimeout(0);
        send(socket, "SUBSCRIBE", channel);
        InputStream in = new BufferedInputStream(socket.getInputStream());
        List<String> confirmation = readArray(in);
        if (!confirmation.getFirst().equals("subscribe")) {
            socket.close();
            throw new IOException("Redis answered SUBSCRIBE with " + confirmation);
        }
        Subscriber subscriber = new Subscriber(socket, new LinkedBlockingQueue<>());
        Thread.ofVirtual().name("test-redis-subscriber").start(() -> {
            try {
                while (true) {
                    List<String> push = readArray(in);
                    if (push.size() == 3 && push.get(0).equals("message")) {
                        subscriber.messages().add(push.get(2));
                    }
                }
            } catch (IOException e) {
                // closed
            }
        });
        return subscriber;
    }

    /** A subscription of this test's own: the messages published on its channel, in order. */
    public record Subscriber(Socket socket, BlockingQueue<String> messages) implements AutoCloseable {

        public String next(long timeout, TimeUnit unit) throws InterruptedException {
            return messages.poll(timeout, unit);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", PORT), 300);
        socket.setSoTimeout(1000);
        return socket;
    }

    private static void send(Socket socket, String... parts) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("*" + parts.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            request.writeBytes(bytes);
            request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.toByteArray());
        out.flush();
    }

    /** An array of bulk strings and integers, as pub/sub pushes are. */
    private static List<String> readArray(InputStream in) throws IOException {
        String header = readLine(in);
        if (!header.startsWith("*")) {
            throw new IOException("Expected an array, Redis sent " + header);
        }
        int size = Integer.parseInt(header.substring(1));
        List<String> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String item = readLine(in);
            if (item.startsWith("$")) {
                byte[] bytes = in.readNBytes(Integer.parseInt(item.substring(1)));
                readLine(in);
                items.add(new String(bytes, StandardCharsets.UTF_8));
            } else {
                items.add(item.substring(1));
            }
        }
        return items;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\r'; c = in.read()) {
            if (c == -1) {
                throw new IOException("Redis closed the connection");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }
}
