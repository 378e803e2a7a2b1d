package com.classentra.platform.events;

import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.ratelimit.EventRelay;
import com.classentra.plugin.api.ratelimit.RateLimitBackend;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event relay of the rate-limits and cache slot's provider (Redis pub/sub), when it has one, followed as the slot
 * changes hands: each time this node rebuilds the slot's instance, the subscription is made again on the new one. Calls
 * go through {@link SlotRegistry}, so each publication is timed in {@code classentra_plugin_calls} like any other.
 */
final class SlotRelay {

    private static final Logger log = LoggerFactory.getLogger(SlotRelay.class);
    private static final Slot SLOT = Slot.RATE_LIMITS;

    private final SlotRegistry slots;
    private final String channel;
    private final Consumer<String> onEvent;
    /** The slot instance (provider and settings version) the subscription belongs to, or that has no relay. */
    private String followed;
    private volatile EventRelay.Subscription subscription;
    private String lastFailure;

    SlotRelay(SlotRegistry slots, String channel, Consumer<String> onEvent) {
        this.slots = slots;
        this.channel = channel;
        this.onEvent = onEvent;
    }

    /** Whether events travel through the relay: this node hears it, so it may publish on it. */
    boolean relaying() {
        return subscription != null;
    }

    /** Subscribes to the slot's current instance if that changed since the last call; one thread calls it. */
    void follow() {
        String serving = slots.servingKey(SLOT);
        if (serving.equals(followed)) {
            return;
        }
        drop();
        if (slots.activeProviderId(SLOT) == null) {
            followed = serving;
            return;
        }
        try {
            EventRelay.Subscription made = slots.call(SLOT, RateLimitBackend.class,
                    backend -> backend instanceof EventRelay relay ? relay.subscribe(channel, onEvent) : null);
            subscription = made;
            followed = serving;
            lastFailure = null;
            log.info(made == null ? "Cluster events travel through PostgreSQL: the {} provider relays none"
                    : "Cluster events travel through the {} provider's relay", serving);
        } catch (ProviderException e) {
            // Left unfollowed, so the next call tries again; PostgreSQL carries the events meanwhile.
            if (!Objects.equals(lastFailure, e.getMessage())) {
                log.warn("Cannot subscribe to the {} provider's event relay, PostgreSQL carries events meanwhile: {}", serving, e.getMessage());
                lastFailure = e.getMessage();
            }
        }
    }

    /** Publishes through the relay; false when this node has none or it failed, and PostgreSQL must carry the event. */
    boolean publish(String event) {
        if (subscription == null) {
            return false;
        }
        try {
            return slots.call(SLOT, RateLimitBackend.class, backend -> {
                if (backend instanceof EventRelay relay) {
                    relay.publish(channel, event);
                    return true;
                }
                return false;
            });
        } catch (ProviderException e) {
            log.debug("The event relay failed, publishing through PostgreSQL: {}", e.getMessage());
            return false;
        }
    }

    void drop() {
        EventRelay.Subscription current = subscription;
        subscription = null;
        followed = null;
        if (current != null) {
            current.close();
        }
    }
}
