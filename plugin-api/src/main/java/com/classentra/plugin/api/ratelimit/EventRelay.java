package com.classentra.plugin.api.ratelimit;

import com.classentra.plugin.api.ProviderException;
import java.util.function.Consumer;

/**
 * What a {@link RateLimitBackend} may also offer: carrying short events between the app nodes (Redis pub/sub, for
 * instance). The host relays its cluster events through it while such a backend serves the slot, and through
 * PostgreSQL otherwise. Events are one-line ids, never content, and a relay may drop them while it is down: the host
 * treats them as hints to re-read what changed.
 */
public interface EventRelay {

    /** Sends {@code message} to every node subscribed to {@code channel}, now. */
    void publish(String channel, String message) throws ProviderException;

    /**
     * Hands every message published on {@code channel} to {@code listener}, on a thread of the relay's own, until the
     * subscription is closed or the backend is. The listener must return quickly (hand the message on, not work on it).
     * A relay that loses its connection subscribes again once it has reconnected.
     */
    Subscription subscribe(String channel, Consumer<String> listener) throws ProviderException;

    /** A subscription; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
