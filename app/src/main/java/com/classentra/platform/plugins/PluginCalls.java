package com.classentra.platform.plugins;

import com.classentra.platform.ClassentraProperties;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.Slot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs plugin code in isolation: on a virtual thread of its own with the plugin's class loader as context loader
 * (many libraries look up implementations through it), within a time limit, with any exception turned into a
 * {@link ProviderException} whose message carries no credentials. Calls serving a slot are also timed into
 * {@code classentra_plugin_calls} tagged with slot, provider and outcome.
 */
@Component
class PluginCalls implements DisposableBean {

    static final String METRIC = "classentra.plugin.calls";

    private final MeterRegistry meters;
    private final ClassentraProperties properties;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    /** The call timers by slot, provider and outcome, so a call does not build and look up its meter again. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    PluginCalls(MeterRegistry meters, ClassentraProperties properties) {
        this.meters = meters;
        this.properties = properties;
    }

    /**
     * A call serving the slot, timed: MISCONFIGURED (outcome "unavailable") when the provider could not be built,
     * otherwise as {@link #call}.
     */
    <R> R metered(Slot slot, ActiveProvider provider, Callable<R> work) throws ProviderException {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "error";
        try {
            if (provider.problem() != null) {
                outcome = "unavailable";
                throw new ProviderException(Kind.MISCONFIGURED, provider.problem());
            }
            R result = call(provider.providerId(), provider.classLoader(), work);
            outcome = "success";
            return result;
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
        }
    }

    /** Work for the provider's callers, and building an instance, within {@code classentra.plugins.call-timeout}. */
    <R> R call(String providerId, ClassLoader loader, Callable<R> work) throws ProviderException {
        return isolated(providerId, loader, work, properties.plugins().callTimeout());
    }

    /**
     * A question to the plugin that the console or the health endpoint waits for (health, its checks of settings,
     * its disclosure), within {@code classentra.plugins.health-timeout}.
     */
    <R> R check(String providerId, ClassLoader loader, Callable<R> work) throws ProviderException {
        return isolated(providerId, loader, work, properties.plugins().healthTimeout());
    }

    private <R> R isolated(String providerId, ClassLoader loader, Callable<R> work, Duration timeout) throws ProviderException {
        long timeoutMillis = timeout.toMillis();
        Future<R> future = threads.submit(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            return work.call();
        });
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ProviderException(Kind.RETRYABLE, "Provider '" + providerId + "' did not answer within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException providerException) {
                throw new ProviderException(providerException.kind(), Redaction.redact(providerException.getMessage()), providerException);
            }
            throw new ProviderException(Kind.RETRYABLE, Redaction.redact("Provider '" + providerId + "' failed: " + e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new ProviderException(Kind.RETRYABLE, "Interrupted while calling provider '" + providerId + "'");
        }
    }

    @Override
    public void destroy() {
        threads.shutdownNow();
    }
}
