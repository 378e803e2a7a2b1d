package com.classentra.platform.plugins;

import com.classentra.plugin.api.ProviderInstance;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider instance currently serving a slot, for one version of the slot's settings. When the slot
 * is switched, the old instance is retired and closed once the calls still running on it have finished.
 *
 * @param problem why no instance could be made (provider missing, plugin failed, bad settings); null when fine
 */
record ActiveProvider(String providerId, long version, String pluginId, ClassLoader classLoader, ProviderInstance instance,
        String problem, AtomicInteger inFlight, AtomicBoolean retired, AtomicBoolean closed) {

    private static final Logger log = LoggerFactory.getLogger(ActiveProvider.class);

    static ActiveProvider serving(String providerId, long version, String pluginId, ClassLoader loader, ProviderInstance instance) {
        return new ActiveProvider(providerId, version, pluginId, loader, instance, null,
                new AtomicInteger(), new AtomicBoolean(), new AtomicBoolean());
    }

    static ActiveProvider broken(String providerId, long version, String problem) {
        return new ActiveProvider(providerId, version, null, null, null, problem,
                new AtomicInteger(), new AtomicBoolean(), new AtomicBoolean());
    }

    /** Marks a call as running; false when the instance was retired meanwhile and must not be used. */
    boolean acquire() {
        inFlight.incrementAndGet();
        if (retired.get()) {
            release();
            return false;
        }
        return true;
    }

    void release() {
        if (inFlight.decrementAndGet() == 0 && retired.get()) {
            closeOnce();
        }
    }

    void retire() {
        retired.set(true);
        if (inFlight.get() == 0) {
            closeOnce();
        }
    }

    /** Closes on a virtual thread of its own: a plugin that hangs in close() never holds up a caller. */
    private void closeOnce() {
        if (instance != null && closed.compareAndSet(false, true)) {
            Thread.ofVirtual().name("close-" + providerId).start(() -> {
                Thread.currentThread().setContextClassLoader(classLoader);
                try {
                    instance.close();
                } catch (RuntimeException | LinkageError e) {
                    log.warn("Provider {} failed while closing: {}", providerId, e.toString());
                }
            });
        }
    }
}
