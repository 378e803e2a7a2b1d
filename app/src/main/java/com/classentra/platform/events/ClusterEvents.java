package com.classentra.platform.events;

import com.classentra.platform.plugins.SlotRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Events every node hears (a chat message posted, a reaction), so several application nodes behind a load balancer
 * show the same live channel. They travel through PostgreSQL's LISTEN/NOTIFY, or through the rate-limits and cache
 * slot's provider when it relays events (Redis pub/sub): that takes the fan-out off the database. A publication made in
 * a transaction reaches the nodes when it commits, and never if it rolls back; outside a transaction, at once. Each node
 * keeps one connection listening on PostgreSQL all along (so a node that has not yet seen a slot change, or whose relay
 * failed, is still heard) and one subscription on the relay while there is one, and hands each event to the subscribers
 * of its topic on this node. Payloads are short (ids): PostgreSQL refuses notifications over 8000 bytes, and nobody
 * should find message text in a notification queue or a Redis channel.
 */
@Component
public class ClusterEvents implements SmartLifecycle {

    /** The PostgreSQL notification channel, and the relay's channel (prefixed by the provider: {@code <prefix>events:}). */
    public static final String CHANNEL = "classentra_events";
    private static final Logger log = LoggerFactory.getLogger(ClusterEvents.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration RELAY_CHECK = Duration.ofSeconds(1);
    private static final int MAX_PAYLOAD = 1000;

    private final DataSource dataSource;
    private final DSLContext db;
    private final SlotRelay relay;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final Counter viaPostgres;
    private final Counter viaRelay;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Thread relayFollower;

    ClusterEvents(DataSource dataSource, DSLContext db, SlotRegistry slots, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.db = db;
        ClassLoader appLoader = ClusterEvents.class.getClassLoader();
        this.relay = new SlotRelay(slots, CHANNEL, event -> {
            // Called on the relay's own thread, which may carry the plugin's class loader: subscribers run with the app's.
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(appLoader);
            try {
                dispatch(event);
            } finally {
                thread.setContextClassLoader(before);
            }
        });
        this.viaPostgres = published(meters, "postgres");
        this.viaRelay = published(meters, "relay");
    }

    private static Counter published(MeterRegistry meters, String transport) {
        return Counter.builder("classentra.cluster.events.published")
                .description("Events published to every app node, by transport: postgres (LISTEN/NOTIFY) or relay (the cache slot's provider)")
                .tag("transport", transport).register(meters);
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
        String event = topic + "\n" + payload;
        if (!relay.relaying()) {
            // In the caller's transaction: PostgreSQL itself sends it on commit.
            db.select(DSL.function("pg_notify", Object.class, DSL.val(CHANNEL), DSL.val(event))).fetch();
            viaPostgres.increment();
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sendNow(event);
                }
            });
        } else {
            sendNow(event);
        }
    }

    /**
     * Through the relay, or through PostgreSQL when it fails, on a connection of its own: after a commit the
     * transaction's connection would start another transaction that nobody commits.
     */
    private void sendNow(String event) {
        if (relay.publish(event)) {
            viaRelay.increment();
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            connection.setAutoCommit(true);
            notify.setString(1, CHANNEL);
            notify.setString(2, event);
            notify.execute();
            viaPostgres.increment();
        } catch (SQLException e) {
            log.warn("An event reached no other node: neither the relay nor PostgreSQL took it ({})", e.getMessage());
        }
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
        relayFollower = Thread.ofVirtual().name("cluster-events-relay").start(this::followRelayWhileRunning);
    }

    @Override
    public void stop() {
        running = false;
        // The listener sees it within its poll: interrupted, the driver would close its connection under Hikari's feet.
        if (relayFollower != null) {
            relayFollower.interrupt();
        }
        for (Thread thread : new Thread[] {listener, relayFollower}) {
            if (thread != null) {
                try {
                    thread.join(Duration.ofSeconds(2));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        relay.drop();
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

    /** Checks every second whether the cache slot changed hands, and subscribes to the new provider's relay. */
    private void followRelayWhileRunning() {
        while (running) {
            try {
                relay.follow();
            } catch (RuntimeException e) {
                log.warn("Following the cache slot's event relay failed; trying again in a second", e);
            }
            try {
                Thread.sleep(RELAY_CHECK);
            } catch (InterruptedException e) {
                return;
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
