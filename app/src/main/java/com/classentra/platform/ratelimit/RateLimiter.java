package com.classentra.platform.ratelimit;

import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.ratelimit.RateLimit;
import com.classentra.plugin.api.ratelimit.RateLimitBackend;
import com.classentra.plugin.api.ratelimit.RateLimitDecision;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Rate limits shared by every app node. Buckets live in the rate-limits slot's provider when an administrator
 * chose one (Redis, for instance), otherwise in PostgreSQL. A provider that fails is bypassed for PostgreSQL,
 * so protection stays on while the provider's health reports DOWN.
 *
 * <p>Keys (an IP address, an email) are stored only as sha256, in a bucket id that also names the rule and its
 * limit: a changed limit starts fresh buckets at once instead of waiting for the old ones to refill.
 */
@Service
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final SlotRegistry slots;
    private final PostgresBuckets postgres;
    private final Map<RateLimitRule, RateLimit> limits = new EnumMap<>(RateLimitRule.class);

    RateLimiter(SlotRegistry slots, PostgresBuckets postgres, Environment environment) {
        this.slots = slots;
        this.postgres = postgres;
        Binder binder = Binder.get(environment);
        for (RateLimitRule rule : RateLimitRule.values()) {
            String prefix = "classentra.rate-limits." + rule.key();
            limits.put(rule, new RateLimit(
                    binder.bind(prefix + ".capacity", Long.class).orElse(rule.defaultLimit().capacity()),
                    binder.bind(prefix + ".period", Duration.class).orElse(rule.defaultLimit().refillPeriod())));
        }
        log.info("Rate limits: {}", limits.entrySet().stream()
                .map(e -> e.getKey().key() + " " + e.getValue().capacity() + " per " + e.getValue().refillPeriod())
                .collect(Collectors.joining(", ")));
    }

    /** Takes one token from the rule's bucket for {@code key}; the decision says whether that was allowed. */
    public RateLimitDecision check(RateLimitRule rule, String key) {
        RateLimit limit = limits.get(rule);
        String id = bucketId(rule, limit, key);
        return viaProvider(rule, backend -> backend.tryConsume(id, limit, 1)).orElseGet(() -> postgres.tryConsume(id, limit));
    }

    /** Like {@link #check}, for actions that simply must not go ahead when refused. */
    public void requireAllowed(RateLimitRule rule, String key) {
        RateLimitDecision decision = check(rule, key);
        if (!decision.allowed()) {
            throw new RateLimitedException(rule, decision.retryAfter());
        }
    }

    /** Whether the rule's bucket for {@code key} has a token left, without taking it. */
    RateLimitDecision probe(RateLimitRule rule, String key) {
        RateLimit limit = limits.get(rule);
        String id = bucketId(rule, limit, key);
        return viaProvider(rule, backend -> backend.probe(id, limit)).orElseGet(() -> postgres.probe(id, limit));
    }

    private Optional<RateLimitDecision> viaProvider(RateLimitRule rule, SlotRegistry.ProviderCall<RateLimitBackend, RateLimitDecision> call) {
        if (slots.activeProviderId(Slot.RATE_LIMITS) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(slots.call(Slot.RATE_LIMITS, RateLimitBackend.class, call));
        } catch (ProviderException e) {
            // Counted in classentra_plugin_calls{outcome!=success} and shown DOWN by the slot's health check.
            log.debug("Rate-limits provider failed for {}, using PostgreSQL: {}", rule.key(), e.getMessage());
            return Optional.empty();
        }
    }

    static String bucketId(RateLimitRule rule, RateLimit limit, String key) {
        return String.join(":", rule.key(), limit.capacity() + "/" + limit.refillPeriod(), sha256(key));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
