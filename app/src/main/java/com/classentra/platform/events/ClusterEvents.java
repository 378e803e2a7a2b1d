package com.classentra.platform.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Events every node hears (a chat message posted, a reaction), through PostgreSQL's LISTEN/NOTIFY, so several
 * application nodes behind a load balancer show the same live channel. A publication made in a transaction reaches the
 * nodes when it commits, and never if it rolls back; outside a transaction, at once. Each node keeps one connection
 * listening and hands each event to the subscribers of its topic on this node. Payloads are short (ids): PostgreSQL
 * refuses notifications over 8000 bytes, and nobody should find message text in the database's notification queue.
 */
@Component
public class ClusterEvents implements SmartLifecycle {

    static final String CHANNEL = "classentra_events";
    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int MAX_PAYLOAD = 1000;

    private final DataSource dataSource;
    private final DSLContext db;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile Thread listener;

    ClusterEvents(DataSource dataSource, DSLContext db) {
        this.dataSource = dataSource;
        this.db = db;
    }

    /** A subscription; cancel it when the view that made it goes away. */
    public interface Subscription {
        void cancel();
    }

    /** Tells every node's subscribers of {@code topic}; in the caller's transaction, on commit. */
    public void publish(String topic, String payload) {
        if (topic.contains("\n") || payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("An event is a one-line topic and a short payload (ids), not content");
        }
        db.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(topic + "\n" + payload))).fetch();
    }

    /**
     * Calls {@code handler} with each payload published on {@code topic}, in the order they came, on a virtual thread of
     * this subscription's own ({@link InOrder}): a slow subscriber (a page re-reading its channel) holds up neither the
     * others nor the listening connection.
     */
    public Subscription subscribe(String topic, Consumer<String> handler) {
        InOrder<String> mailbox = new InOrder<>(topic, handler);
        subscribers.computeIfAbsent(topic, key -> new CopyOnWriteArrayList<>()).add(mailbox);
        return () -> subscribers.computeIfPresent(topic, (key, handlers) -> {
            handlers.remove(mailbox);
            return handlers.isEmpty() ? null : handlers;
        });
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofVirtual().name("cluster-events").start(this::listenWhileRunning);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Listens on a connection of its own; when it breaks (a database restart), reconnects after a second. */
    private void listenWhileRunning() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for cluster events failed ({}); reconnecting in a second", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void dispatch(String event) {
        int newline = event.indexOf('\n');
        if (newline < 0) {
            return;
        }
        String payload = event.substring(newline + 1);
        for (Consumer<String> mailbox : subscribers.getOrDefault(event.substring(0, newline), List.of())) {
            mailbox.accept(payload);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
