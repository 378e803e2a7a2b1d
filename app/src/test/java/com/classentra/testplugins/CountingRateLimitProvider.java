package com.classentra.testplugins;

import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.ratelimit.EventRelay;
import com.classentra.plugin.api.ratelimit.RateLimit;
import com.classentra.plugin.api.ratelimit.RateLimitBackend;
import com.classentra.plugin.api.ratelimit.RateLimitDecision;
import com.classentra.plugin.api.ratelimit.RateLimitProviderFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.pf4j.Extension;

/**
 * A rate-limits provider for host tests: counts in memory and never refills, so a test sees which store
 * answered, and relays events within this JVM. It can be told to fail, or only its relay's publishing to fail, to
 * exercise the fallbacks to PostgreSQL.
 */
@Extension
public class CountingRateLimitProvider implements RateLimitProviderFactory {

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(Slot.RATE_LIMITS, "counting", "Counting (test)", "Test provider",
                ConfigSchema.of(ConfigField.choice("behaviour", "Behaviour", "count", "fail", "relay-fails").withDefault("count")),
                SubprocessorDisclosure.onThisServer("Test counters in memory"));
    }

    @Override
    public RateLimitBackend create(ProviderConfig config, ProviderContext context) {
        String behaviour = config.get("behaviour").orElse("count");
        return new Counters(behaviour.equals("fail"), behaviour.equals("relay-fails"));
    }

    /** The relay's subscribers, shared by every instance in this JVM as a Redis is by every node. */
    private static final Map<String, List<Consumer<String>>> RELAYED = new ConcurrentHashMap<>();

    static final class Counters implements RateLimitBackend, EventRelay {

        private final boolean failing;
        private final boolean publishingFails;
        private final Map<String, Long> used = new ConcurrentHashMap<>();
        private final Map<String, Entry> cache = new ConcurrentHashMap<>();
        private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

        Counters(boolean failing, boolean publishingFails) {
            this.failing = failing;
            this.publishingFails = publishingFails;
        }

        @Override
        public void publish(String channel, String message) throws ProviderException {
            failIfAsked();
            if (publishingFails) {
                throw new ProviderException(ProviderException.Kind.RETRYABLE, "the test relay is down");
            }
            RELAYED.getOrDefault(channel, List.of()).forEach(listener -> listener.accept(message));
        }

        @Override
        public Subscription subscribe(String channel, Consumer<String> listener) throws ProviderException {
            failIfAsked();
            RELAYED.computeIfAbsent(channel, key -> new CopyOnWriteArrayList<>()).add(listener);
            Subscription subscription = () -> RELAYED.getOrDefault(channel, List.of()).remove(listener);
            subscriptions.add(subscription);
            return subscription;
        }

        @Override
        public void close() {
            subscriptions.forEach(Subscription::close);
        }

        @Override
        public RateLimitDecision tryConsume(String key, RateLimit limit, long tokens) throws ProviderException {
            failIfAsked();
            long now = used.merge(key, tokens, Long::sum);
            return now <= limit.capacity() ? new RateLimitDecision(true, limit.capacity() - now, Duration.ZERO)
                    : new RateLimitDecision(false, 0, limit.refillPeriod());
        }

        @Override
        public RateLimitDecision probe(String key, RateLimit limit) throws ProviderException {
            failIfAsked();
            long left = limit.capacity() - used.getOrDefault(key, 0L);
            return left > 0 ? new RateLimitDecision(true, left, Duration.ZERO) : new RateLimitDecision(false, 0, limit.refillPeriod());
        }

        @Override
        public Optional<byte[]> cacheGet(String key) throws ProviderException {
            failIfAsked();
            return Optional.ofNullable(cache.get(key)).filter(entry -> entry.until().isAfter(Instant.now())).map(Entry::value);
        }

        @Override
        public void cachePut(String key, byte[] value, Duration timeToLive) throws ProviderException {
            failIfAsked();
            cache.put(key, new Entry(value.clone(), Instant.now().plus(timeToLive)));
        }

        @Override
        public void cacheEvict(String key) throws ProviderException {
            failIfAsked();
            cache.remove(key);
        }

        @Override
        public HealthReport checkHealth() {
            return failing ? HealthReport.unhealthy("told to fail") : HealthReport.healthy("counting");
        }

        private record Entry(byte[] value, Instant until) {
        }

        private void failIfAsked() throws ProviderException {
            if (failing) {
                throw new ProviderException(ProviderException.Kind.RETRYABLE, "the test counters are down");
            }
        }
    }
}
