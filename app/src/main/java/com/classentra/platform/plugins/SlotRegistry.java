package com.classentra.platform.plugins;

import com.classentra.platform.ClassentraProperties;
import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderInstance;
import com.classentra.plugin.api.Slot;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Routes each call of a slot to the provider an administrator chose (or the configured default). Each node keeps
 * the slot's instance and re-reads the stored version at most every {@code classentra.plugins.state-refresh}, so a
 * switch made on another node reaches this one within seconds; the instance is rebuilt ({@link ProviderFactories})
 * when the version changed. Calls run isolated and timed ({@link PluginCalls}).
 */
@Service
public class SlotRegistry implements DisposableBean {

    private final SlotStateStore store;
    private final ProviderFactories factories;
    private final PluginCalls calls;
    private final ClassentraProperties properties;
    private final Map<Slot, ActiveProvider> active = new ConcurrentHashMap<>();
    /** Instances of former settings still in use (see {@link #callDetached}), by slot, version and provider. */
    private final Map<String, ActiveProvider> detached = new ConcurrentHashMap<>();
    private final Map<Slot, Instant> checkedAt = new ConcurrentHashMap<>();
    /** One lock per slot, so building a slow provider never holds up calls to the other slots. */
    private final Map<Slot, Object> locks = new EnumMap<>(Slot.class);

    SlotRegistry(SlotStateStore store, ProviderFactories factories, PluginCalls calls, ClassentraProperties properties) {
        this.store = store;
        this.factories = factories;
        this.calls = calls;
        this.properties = properties;
        for (Slot slot : Slot.values()) {
            locks.put(slot, new Object());
        }
    }

    /** Work done with a slot's provider instance. */
    @FunctionalInterface
    public interface ProviderCall<T extends ProviderInstance, R> {
        R apply(T provider) throws ProviderException;
    }

    /**
     * Calls the slot's active provider. Throws MISCONFIGURED when the slot has no working provider,
     * RETRYABLE on timeouts and unexpected plugin failures, and passes the provider's own exceptions on.
     */
    public <T extends ProviderInstance, R> R call(Slot slot, Class<T> type, ProviderCall<T, R> work) throws ProviderException {
        return serve(slot, type, work).result();
    }

    /** Like {@link #call}, and says which provider served the call (recorded on outbox rows, for instance). */
    public <T extends ProviderInstance, R> Served<R> serve(Slot slot, Class<T> type, ProviderCall<T, R> work) throws ProviderException {
        return run(slot, acquire(slot), type, work);
    }

    /**
     * Calls a provider built from settings that no longer serve the slot: the source of a storage migration, which
     * still holds the objects not yet copied. The instance is built once per stored version and kept until
     * {@link #releaseDetached}; its calls are isolated and metered like the slot's own.
     */
    public <T extends ProviderInstance, R> R callDetached(StoredSlot source, Class<T> type, ProviderCall<T, R> work) throws ProviderException {
        String key = detachedKey(source);
        while (true) {
            ActiveProvider provider = detached.computeIfAbsent(key, k -> factories.build(source));
            if (provider.problem() != null) {
                // Not cached: the next call tries again, the fault may have been temporary.
                detached.remove(key, provider);
                return run(source.slot(), provider, type, work).result();
            }
            if (provider.acquire()) {
                return run(source.slot(), provider, type, work).result();
            }
        }
    }

    /** Closes the detached instance built for {@code source}, once its running calls are done. */
    public void releaseDetached(StoredSlot source) {
        ActiveProvider provider = detached.remove(detachedKey(source));
        if (provider != null) {
            provider.retire();
        }
    }

    private static String detachedKey(StoredSlot source) {
        return source.slot().key() + "@" + source.version() + "/" + source.providerId();
    }

    /** Runs the call on an acquired provider, metered, and releases the provider. */
    private <T extends ProviderInstance, R> Served<R> run(Slot slot, ActiveProvider provider, Class<T> type, ProviderCall<T, R> work)
            throws ProviderException {
        try {
            return new Served<>(provider.providerId(), calls.metered(slot, provider, () -> work.apply(type.cast(provider.instance()))));
        } finally {
            if (provider.problem() == null) {
                provider.release();
            }
        }
    }

    /**
     * The settings version this node serves the slot with, re-read now rather than from this node's cache: work
     * that must not reach a provider the slot has left (a storage copy) checks it first.
     */
    public long servingVersion(Slot slot) {
        checkedAt.remove(slot);
        return current(slot).version();
    }

    /**
     * Id of the provider serving the slot, or null when it has none. Read from this node's cache (refreshed like
     * calls), so it is cheap enough to ask on every request; a chosen provider that is broken still answers its id.
     */
    public String activeProviderId(Slot slot) {
        return current(slot).providerId();
    }

    /**
     * Which provider, at which settings version, serves the slot on this node, from its cache like {@link
     * #activeProviderId}: when it changes, the slot's instance was rebuilt, and whatever was attached to the former
     * one (a subscription) must be made again.
     */
    public String servingKey(Slot slot) {
        ActiveProvider provider = current(slot);
        return provider.providerId() + "@" + provider.version();
    }

    /** Health of the slot's active provider, checked now within the health time limit. */
    public SlotHealth health(Slot slot) {
        ActiveProvider provider = acquire(slot);
        if (provider.problem() != null) {
            return new SlotHealth(provider.providerId(), provider.providerId() == null ? null : false, provider.problem());
        }
        try {
            HealthReport report = calls.check(provider.providerId(), provider.classLoader(), () -> provider.instance().checkHealth());
            return new SlotHealth(provider.providerId(), report.healthy(), report.detail());
        } catch (ProviderException e) {
            return new SlotHealth(provider.providerId(), false, e.getMessage());
        } finally {
            provider.release();
        }
    }

    /** Installs an instance that {@link ProviderSwitcher} has already built and checked, retiring the old one. */
    void install(Slot slot, ActiveProvider replacement) {
        synchronized (locks.get(slot)) {
            ActiveProvider previous = active.put(slot, replacement);
            checkedAt.put(slot, Instant.now());
            if (previous != null) {
                previous.retire();
            }
        }
    }

    /** The stored choice, or the configured default with no settings when an administrator never chose. */
    public StoredSlot stored(Slot slot) {
        return store.find(slot).orElseGet(() -> new StoredSlot(slot, properties.plugins().defaults().get(slot.key()),
                null, Map.of(), 0, null, null));
    }

    /** The current provider of the slot, rebuilt when its stored version changed (re-read at most every few seconds). */
    private ActiveProvider acquire(Slot slot) {
        while (true) {
            ActiveProvider current = current(slot);
            if (current.problem() != null || current.acquire()) {
                return current;
            }
        }
    }

    /**
     * The slot's provider, rebuilt when its stored version changed. Building happens under the slot's lock on
     * purpose: concurrent callers wait for one build instead of each starting their own.
     */
    private ActiveProvider current(Slot slot) {
        synchronized (locks.get(slot)) {
            ActiveProvider cached = active.get(slot);
            Instant checked = checkedAt.get(slot);
            if (cached != null && checked != null && checked.plus(properties.plugins().stateRefresh()).isAfter(Instant.now())) {
                return cached;
            }
            StoredSlot stored;
            try {
                stored = stored(slot);
            } catch (DataAccessException e) {
                // The database is unreachable: keep serving with what this node has, and say why when it has nothing.
                return cached != null ? cached : ActiveProvider.broken(null, -1, "Cannot read the slot's settings: " + e.getMostSpecificCause().getMessage());
            }
            checkedAt.put(slot, Instant.now());
            // A provider that failed to build is tried again at every refresh: its fault may have been temporary.
            if (cached != null && cached.problem() == null && cached.version() == stored.version()
                    && Objects.equals(cached.providerId(), stored.providerId())) {
                return cached;
            }
            ActiveProvider built = factories.build(stored);
            active.put(slot, built);
            if (cached != null) {
                cached.retire();
            }
            return built;
        }
    }

    @Override
    public void destroy() {
        active.values().forEach(ActiveProvider::retire);
        active.clear();
        detached.values().forEach(ActiveProvider::retire);
        detached.clear();
    }

    /** A call's result with the id of the provider that produced it. */
    public record Served<R>(String providerId, R result) {
    }

    /**
     * @param healthy null when the slot has no provider at all
     */
    public record SlotHealth(String providerId, Boolean healthy, String detail) {
    }
}
