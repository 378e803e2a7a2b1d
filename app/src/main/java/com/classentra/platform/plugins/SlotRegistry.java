package com.classentra.platform.plugins;

import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.plugins.PluginHost.HostedProvider;
import com.classentra.platform.secrets.SecretCipher;
import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.ProviderInstance;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Routes each call of a slot to the provider an administrator chose (or the configured default), builds
 * provider instances from the stored settings, and isolates plugins: a call runs on its own virtual thread
 * with the plugin's class loader as context loader and a time limit, exceptions of any kind become
 * {@link ProviderException}s, and every call is timed into {@code classentra_plugin_calls} tagged with slot,
 * provider and outcome.
 */
@Service
public class SlotRegistry implements DisposableBean {

    static final String METRIC = "classentra.plugin.calls";

    private final PluginHost host;
    private final SlotStateStore store;
    private final SecretCipher cipher;
    private final MeterRegistry meters;
    private final ClassentraProperties properties;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Slot, ActiveProvider> active = new ConcurrentHashMap<>();
    /** The call timers by slot, provider and outcome, so a call does not build and look up its meter again. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    /** Instances of former settings still in use (see {@link #callDetached}), by slot, version and provider. */
    private final Map<String, ActiveProvider> detached = new ConcurrentHashMap<>();
    private final Map<Slot, Instant> checkedAt = new ConcurrentHashMap<>();
    /** One lock per slot, so building a slow provider never holds up calls to the other slots. */
    private final Map<Slot, Object> locks = new EnumMap<>(Slot.class);

    SlotRegistry(PluginHost host, SlotStateStore store, SecretCipher cipher, MeterRegistry meters, ClassentraProperties properties) {
        this.host = host;
        this.store = store;
        this.cipher = cipher;
        this.meters = meters;
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
            ActiveProvider provider = detached.computeIfAbsent(key, k -> build(source));
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

    /** Runs the call on an acquired provider, times it into the plugin-call metric and releases the provider. */
    private <T extends ProviderInstance, R> Served<R> run(Slot slot, ActiveProvider provider, Class<T> type, ProviderCall<T, R> work)
            throws ProviderException {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            if (provider.problem() != null) {
                outcome = "unavailable";
                throw new ProviderException(Kind.MISCONFIGURED, provider.problem());
            }
            R result = isolated(provider, () -> work.apply(type.cast(provider.instance())), properties.plugins().callTimeout().toMillis());
            outcome = "success";
            return new Served<>(provider.providerId(), result);
        } catch (ProviderException e) {
            outcome = outcome.equals("unavailable") ? outcome : e.kind().name().toLowerCase();
            throw e;
        } finally {
            String providerId = provider.providerId() == null ? "none" : provider.providerId();
            String result = outcome;
            sample.stop(timers.computeIfAbsent(slot.key() + "/" + providerId + "/" + result, key -> Timer.builder(METRIC)
                    .description("Calls from Classentra to subprocessor plugins")
                    .tags("slot", slot.key(), "provider", providerId, "outcome", result)
                    .register(meters)));
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

    /** Health of the slot's active provider, checked now within the health time limit. */
    public SlotHealth health(Slot slot) {
        ActiveProvider provider = acquire(slot);
        if (provider.problem() != null) {
            return new SlotHealth(provider.providerId(), provider.providerId() == null ? null : false, provider.problem());
        }
        try {
            HealthReport report = isolated(provider, () -> provider.instance().checkHealth(), properties.plugins().healthTimeout().toMillis());
            return new SlotHealth(provider.providerId(), report.healthy(), report.detail());
        } catch (ProviderException e) {
            return new SlotHealth(provider.providerId(), false, e.getMessage());
        } finally {
            provider.release();
        }
    }

    /**
     * The slot's chosen provider and its settings as the console may show them: non-secret values in
     * clear, secrets only named (never sent back to a browser).
     */
    public SlotSettings settings(Slot slot) {
        StoredSlot stored = stored(slot);
        Optional<ConfigSchema> schema = stored.providerId() == null ? Optional.empty()
                : provider(slot, stored.providerId()).map(p -> p.descriptor().configSchema());
        Map<String, String> visible = new HashMap<>();
        Set<String> secrets = new HashSet<>();
        stored.config().forEach((key, value) -> {
            boolean secret = schema.flatMap(s -> s.field(key)).map(ConfigField::secret).orElse(SecretCipher.isEncrypted(value));
            if (secret) {
                secrets.add(key);
            } else {
                visible.put(key, value);
            }
        });
        return new SlotSettings(stored.providerId(), visible, secrets, stored.updatedBy(), stored.updatedAt());
    }

    /**
     * Who processes personal data for the slot as it is stored now (the subprocessor page's row); empty when the
     * slot has no provider or its plugin is not installed, as then nothing is sent anywhere.
     */
    public Optional<SubprocessorDisclosure> disclosure(StoredSlot stored) {
        if (stored.providerId() == null) {
            return Optional.empty();
        }
        return provider(stored.slot(), stored.providerId()).map(provider -> {
            ConfigSchema.Validation validation;
            try {
                validation = provider.descriptor().configSchema().validate(decrypted(stored.slot(), stored.config()));
            } catch (RuntimeException e) {
                // A secret that no longer decrypts (another master key): the provider's usual company is still the answer.
                return provider.descriptor().disclosure();
            }
            return validation.valid() ? disclosure(provider, validation.config()) : provider.descriptor().disclosure();
        });
    }

    /** The provider's disclosure for these settings, asked in isolation; its generic one if it cannot answer. */
    SubprocessorDisclosure disclosure(HostedProvider provider, ProviderConfig config) {
        ActiveProvider candidate = ActiveProvider.serving(provider.descriptor().id(), 0, provider.pluginId(), provider.classLoader(), null);
        try {
            SubprocessorDisclosure disclosure = isolated(candidate, () -> provider.factory().disclosure(config), properties.plugins().healthTimeout().toMillis());
            return disclosure == null ? provider.descriptor().disclosure() : disclosure;
        } catch (ProviderException e) {
            return provider.descriptor().disclosure();
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

    /** Builds an instance of the hosted provider with decrypted, validated settings. */
    ProviderInstance instantiate(Slot slot, HostedProvider provider, ProviderConfig config) throws ProviderException {
        Path work = properties.dataDirectory().resolve("plugin-data").resolve(slot.key() + "-" + provider.descriptor().id());
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new ProviderException(Kind.MISCONFIGURED, "Cannot create " + work + ": " + e.getMessage(), e);
        }
        ActiveProvider candidate = ActiveProvider.serving(provider.descriptor().id(), 0, provider.pluginId(), provider.classLoader(), null);
        return isolated(candidate, () -> provider.factory().create(config, new ProviderContext(work)),
                properties.plugins().callTimeout().toMillis());
    }

    /** The provider's own checks of settings that passed its schema, isolated like any plugin call. */
    List<FieldError> validate(HostedProvider provider, ProviderConfig config) {
        ActiveProvider candidate = ActiveProvider.serving(provider.descriptor().id(), 0, provider.pluginId(), provider.classLoader(), null);
        try {
            return isolated(candidate, () -> provider.factory().validate(config), properties.plugins().healthTimeout().toMillis());
        } catch (ProviderException e) {
            return List.of(new FieldError(null, "The provider could not check these settings: " + e.getMessage()));
        }
    }

    /** Health of an instance not yet in service, within the health time limit. */
    HealthReport checkHealth(HostedProvider provider, ProviderInstance instance) {
        ActiveProvider candidate = ActiveProvider.serving(provider.descriptor().id(), 0, provider.pluginId(), provider.classLoader(), instance);
        try {
            return isolated(candidate, instance::checkHealth, properties.plugins().healthTimeout().toMillis());
        } catch (ProviderException e) {
            return HealthReport.unhealthy(e.getMessage());
        }
    }

    Optional<HostedProvider> provider(Slot slot, String providerId) {
        return host.providers(slot).stream().filter(p -> p.descriptor().id().equals(providerId)).findFirst();
    }

    /** The stored choice, or the configured default with no settings when an administrator never chose. */
    public StoredSlot stored(Slot slot) {
        return store.find(slot).orElseGet(() -> new StoredSlot(slot, properties.plugins().defaults().get(slot.key()),
                null, Map.of(), 0, null, null));
    }

    /** Stored settings with secrets decrypted. */
    Map<String, String> decrypted(Slot slot, Map<String, String> storedConfig) {
        Map<String, String> plain = new HashMap<>();
        storedConfig.forEach((key, value) -> plain.put(key, SecretCipher.isEncrypted(value) ? cipher.decrypt(value, secretContext(slot, key)) : value));
        return plain;
    }

    Map<String, String> encrypted(Slot slot, ConfigSchema schema, Map<String, String> plain) {
        Map<String, String> stored = new HashMap<>();
        plain.forEach((key, value) -> {
            boolean secret = schema.field(key).map(ConfigField::secret).orElse(false);
            stored.put(key, secret ? cipher.encrypt(value, secretContext(slot, key)) : value);
        });
        return stored;
    }

    private static String secretContext(Slot slot, String key) {
        return slot.key() + "/" + key;
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
            ActiveProvider built = build(stored);
            active.put(slot, built);
            if (cached != null) {
                cached.retire();
            }
            return built;
        }
    }

    private ActiveProvider build(StoredSlot stored) {
        Slot slot = stored.slot();
        if (stored.providerId() == null) {
            return ActiveProvider.broken(null, stored.version(), "No provider");
        }
        Optional<HostedProvider> hosted = provider(slot, stored.providerId());
        if (hosted.isEmpty()) {
            String why = stored.pluginId() == null ? "" : host.plugin(stored.pluginId())
                    .map(p -> p.failed() ? ": plugin " + p.id() + " failed (" + p.problem() + ")" : "")
                    .orElse(": plugin " + stored.pluginId() + " is not installed");
            return ActiveProvider.broken(stored.providerId(), stored.version(), "Provider '" + stored.providerId() + "' is not available" + why);
        }
        HostedProvider provider = hosted.get();
        try {
            ConfigSchema.Validation validation = provider.descriptor().configSchema().validate(decrypted(slot, stored.config()));
            if (!validation.valid()) {
                return ActiveProvider.broken(provider.descriptor().id(), stored.version(), "Stored settings are invalid: " + validation.errors());
            }
            ProviderInstance instance = instantiate(slot, provider, validation.config());
            return ActiveProvider.serving(provider.descriptor().id(), stored.version(), provider.pluginId(), provider.classLoader(), instance);
        } catch (ProviderException | IllegalStateException e) {
            return ActiveProvider.broken(provider.descriptor().id(), stored.version(), e.getMessage());
        }
    }

    /** Runs plugin code on a virtual thread with the plugin's class loader, within the time limit. */
    private <R> R isolated(ActiveProvider provider, Callable<R> work, long timeoutMillis) throws ProviderException {
        Future<R> future = calls.submit(() -> {
            Thread.currentThread().setContextClassLoader(provider.classLoader());
            return work.call();
        });
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderException(Kind.RETRYABLE, "Provider '" + provider.providerId() + "' did not answer within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException providerException) {
                throw new ProviderException(providerException.kind(), Redaction.redact(providerException.getMessage()), providerException);
            }
            throw new ProviderException(Kind.RETRYABLE, Redaction.redact("Provider '" + provider.providerId() + "' failed: " + e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ProviderException(Kind.RETRYABLE, "Interrupted while calling provider '" + provider.providerId() + "'");
        }
    }

    @Override
    public void destroy() {
        active.values().forEach(ActiveProvider::retire);
        active.clear();
        detached.values().forEach(ActiveProvider::retire);
        detached.clear();
        calls.shutdownNow();
    }

    /** A call's result with the id of the provider that produced it. */
    public record Served<R>(String providerId, R result) {
    }

    /** What the console shows of a slot's settings. */
    public record SlotSettings(String providerId, Map<String, String> values, Set<String> storedSecrets,
            java.util.UUID updatedBy, java.time.OffsetDateTime updatedAt) {
    }

    /**
     * @param healthy null when the slot has no provider at all
     */
    public record SlotHealth(String providerId, Boolean healthy, String detail) {
    }

    /** A provider the console can offer for a slot. */
    public List<HostedProvider> providers(Slot slot) {
        return host.providers(slot);
    }
}
