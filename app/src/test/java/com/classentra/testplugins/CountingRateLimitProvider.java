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
import com.classentra.plugin.api.ratelimit.RateLimit;
import com.classentra.plugin.api.ratelimit.RateLimitBackend;
import com.classentra.plugin.api.ratelimit.RateLimitDecision;
import com.classentra.plugin.api.ratelimit.RateLimitProviderFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.Extension;

/**
 * A rate-limits provider for host tests: counts in memory and never refills, so a test sees which store
 * answered. It can be told to fail, to exercise the fallback to PostgreSQL.
 */
@Extension
public class CountingRateLimitProvider implements RateLimitProviderFactory {

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(Slot.RATE_LIMITS, "counting", "Counting (test)", "Test provider",
                ConfigSchema.of(ConfigField.choice("behaviour", "Behaviour", "count", "fail").withDefault("count")),
                SubprocessorDisclosure.onThisServer("Test counters in memory"));
    }

    @Override
    public RateLimitBackend create(ProviderConfig config, ProviderContext context) {
        return new Counters(config.get("behaviour").orElse("count").equals("fail"));
    }

    static final class Counters implements RateLimitBackend {

        private final boolean failing;
        private final Map<String, Long> used = new ConcurrentHashMap<>();
        private final Map<String, Entry> cache = new ConcurrentHashMap<>();

        Counters(boolean failing) {
            this.failing = failing;
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
