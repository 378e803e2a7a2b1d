package com.classentra.plugins.cache.redis;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.ratelimit.EventRelay;
import com.classentra.plugin.api.ratelimit.RateLimit;
import com.classentra.plugin.api.ratelimit.RateLimitBackend;
import com.classentra.plugin.api.ratelimit.RateLimitDecision;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Bucket4j token buckets (compare-and-swap through Lettuce) and plain cache entries in one Redis. Keys are
 * {@code <prefix>bucket:<key>} and {@code <prefix>cache:<key>}. A bucket key expires once the bucket is full
 * again, when it says nothing a fresh bucket would not, so idle buckets do not pile up.
 *
 * <p>The connection is opened on first use and then kept: Lettuce reconnects it by itself, and while it is
 * down commands fail at once rather than queue, so the host falls back to PostgreSQL without waiting.
 *
 * <p>It also relays the host's events between app nodes through Redis pub/sub, on channels
 * {@code <prefix>events:<channel>} ({@link RedisEvents}).
 */
final class RedisBackend implements RateLimitBackend, EventRelay {

    /** After a failed connect, calls fail fast for this long instead of each waiting out the connect timeout. */
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(2);

    private final RedisSettings settings;
    private final ClientResources resources;
    private final RedisClient client;
    private Connected connected;
    private Instant connectFailedAt;
    private ProviderException connectFailure;
    private final RedisEvents events;

    private record Connected(StatefulRedisConnection<String, byte[]> connection, LettuceBasedProxyManager<String> buckets) {
    }

    RedisBackend(RedisSettings settings) {
        this.settings = settings;
        // Few threads: this client carries small commands only, and the app may run other plugins beside it.
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        this.client = RedisClient.create(resources, settings.uri());
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.events = new RedisEvents(client, settings);
    }

    @Override
    public RateLimitDecision tryConsume(String key, RateLimit limit, long tokens) throws ProviderException {
        try {
            ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(tokens);
            return new RateLimitDecision(probe.isConsumed(), probe.getRemainingTokens(),
                    probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            throw RedisFailures.classify(e, settings);
        }
    }

    @Override
    public RateLimitDecision probe(String key, RateLimit limit) throws ProviderException {
        try {
            EstimationProbe probe = bucket(key, limit).estimateAbilityToConsume(1);
            return new RateLimitDecision(probe.canBeConsumed(), probe.getRemainingTokens(),
                    probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            throw RedisFailures.classify(e, settings);
        }
    }

    @Override
    public Optional<byte[]> cacheGet(String key) throws ProviderException {
        StatefulRedisConnection<String, byte[]> connection = connected().connection();
        try {
            return Optional.ofNullable(connection.sync().get(cacheKey(key)));
        } catch (RuntimeException e) {
            throw RedisFailures.classify(e, settings);
        }
    }

    @Override
    public void cachePut(String key, byte[] value, Duration timeToLive) throws ProviderException {
        if (timeToLive.isNegative() || timeToLive.toMillis() < 1) {
            throw new ProviderException(Kind.PERMANENT, "A cache entry needs a time to live of at least 1 ms, not " + timeToLive);
        }
        StatefulRedisConnection<String, byte[]> connection = connected().connection();
        try {
            connection.sync().set(cacheKey(key), value, SetArgs.Builder.px(timeToLive.toMillis()));
        } catch (RuntimeException e) {
            throw RedisFailures.classify(e, settings);
        }
    }

    @Override
    public void cacheEvict(String key) throws ProviderException {
        StatefulRedisConnection<String, byte[]> connection = connected().connection();
        try {
            connection.sync().del(cacheKey(key));
        } catch (RuntimeException e) {
            throw RedisFailures.classify(e, settings);
        }
    }

    @Override
    public void publish(String channel, String message) throws ProviderException {
        StatefulRedisConnection<String, byte[]> connection = connected().connection();
        try {
            connection.sync().publish(eventsChannel(channel), message.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw RedisFailures.classify(e, settings);
        }
    }

    @Override
    public Subscription subscribe(String channel, Consumer<String> listener) throws ProviderException {
        return events.subscribe(eventsChannel(channel), listener);
    }

    /** Connects (which authenticates and selects the database) and sends PING. */
    @Override
    public HealthReport checkHealth() {
        long started = System.nanoTime();
        try {
            String answer = connected().connection().sync().ping();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            return "PONG".equalsIgnoreCase(answer)
                    ? HealthReport.healthy("Redis at " + settings.endpoint() + " answered PING in " + millis + " ms")
                    : HealthReport.unhealthy("Redis at " + settings.endpoint() + " answered PING with " + answer);
        } catch (ProviderException e) {
            return HealthReport.unhealthy(e.getMessage());
        } catch (RuntimeException e) {
            return HealthReport.unhealthy(RedisFailures.classify(e, settings).getMessage());
        }
    }

    @Override
    public synchronized void close() {
        events.closeAll();
        if (connected != null) {
            connected.connection().close();
            connected = null;
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    String bucketKey(String key) {
        return settings.keyPrefix() + "bucket:" + key;
    }

    String cacheKey(String key) {
        return settings.keyPrefix() + "cache:" + key;
    }

    String eventsChannel(String channel) {
        return settings.keyPrefix() + "events:" + channel;
    }

    private BucketProxy bucket(String key, RateLimit limit) throws ProviderException {
        return connected().buckets().builder().build(bucketKey(key), () -> BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.refillPeriod()))
                .build());
    }

    private synchronized Connected connected() throws ProviderException {
        if (connected != null) {
            return connected;
        }
        if (connectFailedAt != null && connectFailedAt.plus(RECONNECT_PAUSE).isAfter(Instant.now())) {
            throw new ProviderException(connectFailure.kind(), connectFailure.getMessage() + " (not retried for "
                    + RECONNECT_PAUSE.toSeconds() + " s)");
        }
        try {
            StatefulRedisConnection<String, byte[]> connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            LettuceBasedProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    // Keep a refilled bucket a moment longer: Redis refuses an expiry of zero.
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(1)))
                    .build();
            connected = new Connected(connection, buckets);
            connectFailedAt = null;
            return connected;
        } catch (RuntimeException e) {
            connectFailure = RedisFailures.classify(e, settings);
            connectFailedAt = Instant.now();
            throw connectFailure;
        }
    }
}
