package com.classentra.plugins.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ratelimit.EventRelay;
import com.classentra.plugin.api.ratelimit.RateLimit;
import com.classentra.plugin.api.ratelimit.RateLimitBackend;
import com.classentra.plugin.api.ratelimit.RateLimitDecision;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against the Redis on 127.0.0.1:6379 (skipped when nothing answers there). Every test uses keys under a
 * prefix of its own, so it never touches another test's or another program's keys.
 */
class RedisBackendTest {

    private static final int REDIS_PORT = 6379;

    @TempDir
    Path work;

    private final String prefix = "classentra-test-" + UUID.randomUUID() + ":";
    private final List<RateLimitBackend> opened = new ArrayList<>();

    @BeforeAll
    static void redisAnswers() {
        assumeTrue(answersPing(REDIS_PORT), "no Redis answers on 127.0.0.1:" + REDIS_PORT);
    }

    @AfterEach
    void closeBackends() {
        opened.forEach(RateLimitBackend::close);
    }

    private RateLimitBackend backend(Map<String, String> overrides) throws ProviderException {
        Map<String, String> form = new HashMap<>(Map.of(RedisProvider.HOST, "127.0.0.1", RedisProvider.KEY_PREFIX, prefix));
        form.putAll(overrides);
        var validation = new RedisProvider().descriptor().configSchema().validate(form);
        assertThat(validation.errors()).isEmpty();
        RateLimitBackend backend = new RedisProvider().create(validation.config(), new ProviderContext(work));
        opened.add(backend);
        return backend;
    }

    private RateLimitBackend backend() throws ProviderException {
        return backend(Map.of());
    }

    @Test
    void aBucketRefusesOnceItsCapacityIsUsedAndRefillsOverItsPeriod() throws Exception {
        RateLimitBackend redis = backend();
        // 3 tokens per 600 ms: one token comes back every 200 ms.
        RateLimit limit = new RateLimit(3, Duration.ofMillis(600));
        for (int i = 0; i < 3; i++) {
            assertThat(redis.tryConsume("sign-up", limit, 1).allowed()).as("attempt %d", i + 1).isTrue();
        }
        RateLimitDecision refused = redis.tryConsume("sign-up", limit, 1);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remainingTokens()).isZero();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(200));
        assertThat(redis.tryConsume("another-key", limit, 1).allowed()).isTrue();

        Thread.sleep(refused.retryAfter().toMillis() + 50);
        assertThat(redis.tryConsume("sign-up", limit, 1).allowed()).as("after the refill").isTrue();
    }

    @Test
    void aProbeTellsWithoutTakingAToken() throws Exception {
        RateLimitBackend redis = backend();
        RateLimit limit = new RateLimit(2, Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            RateLimitDecision probe = redis.probe("failed-sign-ins", limit);
            assertThat(probe.allowed()).isTrue();
            assertThat(probe.remainingTokens()).isEqualTo(2);
        }
        redis.tryConsume("failed-sign-ins", limit, 1);
        assertThat(redis.probe("failed-sign-ins", limit).remainingTokens()).isEqualTo(1);
        redis.tryConsume("failed-sign-ins", limit, 1);
        RateLimitDecision exhausted = redis.probe("failed-sign-ins", limit);
        assertThat(exhausted.allowed()).isFalse();
        assertThat(exhausted.retryAfter()).isPositive();
    }

    @Test
    void twoInstancesLikeTwoAppNodesShareTheirBuckets() throws Exception {
        RateLimitBackend nodeA = backend();
        RateLimitBackend nodeB = backend();
        RateLimit limit = new RateLimit(3, Duration.ofHours(1));

        assertThat(nodeA.tryConsume("ip", limit, 1).allowed()).isTrue();
        assertThat(nodeB.tryConsume("ip", limit, 1).allowed()).isTrue();
        assertThat(nodeA.tryConsume("ip", limit, 1).allowed()).isTrue();
        assertThat(nodeB.tryConsume("ip", limit, 1).allowed()).as("the fourth attempt, on the other node").isFalse();
        assertThat(nodeA.probe("ip", limit).allowed()).isFalse();
    }

    @Test
    void idleBucketsExpireOnceTheyAreFullAgain() throws Exception {
        RateLimitBackend redis = backend();
        redis.tryConsume("expiring", new RateLimit(10, Duration.ofMinutes(10)), 1);
        try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
                StatefulRedisConnection<String, String> raw = client.connect()) {
            long ttl = raw.sync().pttl(prefix + "bucket:expiring");
            // One token of ten used: full again after a tenth of the period, plus the second kept after that.
            assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1).plusSeconds(1).toMillis());
        }
    }

    @Test
    void cacheEntriesExpireAfterTheirTimeToLiveAndCanBeEvicted() throws Exception {
        RateLimitBackend redis = backend();
        redis.cachePut("short", "soon gone".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(300));
        redis.cachePut("long", "still here".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5));
        assertThat(redis.cacheGet("short")).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("soon gone"));

        Thread.sleep(450);
        assertThat(redis.cacheGet("short")).isEmpty();
        assertThat(redis.cacheGet("long")).isPresent();

        redis.cacheEvict("long");
        assertThat(redis.cacheGet("long")).isEmpty();
        assertThat(redis.cacheGet("never-written")).isEmpty();
        assertThatThrownBy(() -> redis.cachePut("zero", new byte[] {1}, Duration.ZERO)).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT));
    }

    @Test
    void differentKeyPrefixesNeverSeeEachOthersEntriesOrBuckets() throws Exception {
        RateLimitBackend first = backend();
        RateLimitBackend second = backend(Map.of(RedisProvider.KEY_PREFIX, "classentra-test-" + UUID.randomUUID() + ":"));
        first.cachePut("shared-name", new byte[] {1}, Duration.ofMinutes(1));
        assertThat(second.cacheGet("shared-name")).isEmpty();
        second.cachePut("shared-name", new byte[] {2}, Duration.ofMinutes(1));
        assertThat(first.cacheGet("shared-name")).hasValueSatisfying(v -> assertThat(v).containsExactly(1));

        RateLimit one = new RateLimit(1, Duration.ofHours(1));
        assertThat(first.tryConsume("ip", one, 1).allowed()).isTrue();
        assertThat(first.tryConsume("ip", one, 1).allowed()).isFalse();
        assertThat(second.tryConsume("ip", one, 1).allowed()).as("the other installation's bucket").isTrue();
    }

    @Test
    void eventsPublishedOnOneInstanceReachEveryInstanceSubscribedUnderTheSamePrefix() throws Exception {
        EventRelay nodeA = (EventRelay) backend();
        EventRelay nodeB = (EventRelay) backend();
        EventRelay otherInstallation = (EventRelay) backend(Map.of(RedisProvider.KEY_PREFIX, "classentra-test-" + UUID.randomUUID() + ":"));
        BlockingQueue<String> heardOnB = new LinkedBlockingQueue<>();
        BlockingQueue<String> heardElsewhere = new LinkedBlockingQueue<>();
        BlockingQueue<String> onTheWire = new LinkedBlockingQueue<>();
        try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
                StatefulRedisPubSubConnection<String, String> raw = client.connectPubSub()) {
            raw.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    onTheWire.add(channel + " " + message);
                }
            });
            raw.sync().subscribe(prefix + "events:classentra_events");
            EventRelay.Subscription subscription = nodeB.subscribe("classentra_events", heardOnB::add);
            otherInstallation.subscribe("classentra_events", heardElsewhere::add);
            nodeB.subscribe("another-channel", heardOnB::add);

            nodeA.publish("classentra_events", "chat:42\nPOSTED 7");
            assertThat(heardOnB.poll(2, TimeUnit.SECONDS)).isEqualTo("chat:42\nPOSTED 7");
            assertThat(onTheWire.poll(2, TimeUnit.SECONDS)).as("a PUBLISH on the prefixed channel")
                    .isEqualTo(prefix + "events:classentra_events chat:42\nPOSTED 7");

            subscription.close();
            subscription.close();
            nodeA.publish("classentra_events", "after closing");
            assertThat(onTheWire.poll(2, TimeUnit.SECONDS)).endsWith("after closing");
            assertThat(heardOnB.poll(300, TimeUnit.MILLISECONDS)).as("closed, and not subscribed to it on another channel").isNull();
            assertThat(heardElsewhere).as("another installation's prefix").isEmpty();
        }
    }

    @Test
    void aSubscriptionHearsAgainOnceRedisIsBackAfterARestart() throws Exception {
        Path redisServer = onPath("redis-server");
        assumeTrue(redisServer != null, "redis-server is not installed");
        int port = freePort();
        Process server = startRedis(redisServer, port);
        try {
            EventRelay relay = (EventRelay) backend(Map.of(RedisProvider.PORT, String.valueOf(port), RedisProvider.CONNECT_TIMEOUT_MS, "500"));
            BlockingQueue<String> heard = new LinkedBlockingQueue<>();
            relay.subscribe("classentra_events", heard::add);
            relay.publish("classentra_events", "before");
            assertThat(heard.poll(2, TimeUnit.SECONDS)).isEqualTo("before");

            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> relay.publish("classentra_events", "while down")).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE));
            server = startRedis(redisServer, port);

            String after = null;
            for (int attempt = 0; attempt < 100 && after == null; attempt++) {
                try {
                    relay.publish("classentra_events", "after");
                } catch (ProviderException e) {
                    // not reconnected yet
                }
                after = heard.poll(100, TimeUnit.MILLISECONDS);
            }
            assertThat(after).as("subscribed again by itself").isEqualTo("after");
        } finally {
            server.destroy();
        }
    }

    private static Process startRedis(Path redisServer, int port) throws IOException, InterruptedException {
        Process server = new ProcessBuilder(redisServer.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        waitForPort(port);
        return server;
    }

    @Test
    void healthCheckPingsTheServer() throws Exception {
        HealthReport health = backend(Map.of(RedisProvider.DATABASE, "1")).checkHealth();
        assertThat(health.healthy()).isTrue();
        assertThat(health.detail()).contains("redis://127.0.0.1:6379/1").contains("PING");
    }

    @Test
    void nothingListeningIsATemporaryFailureExplainedByTheHealthCheck() throws Exception {
        int closedPort = freePort();
        RateLimitBackend redis = backend(Map.of(RedisProvider.PORT, String.valueOf(closedPort), RedisProvider.CONNECT_TIMEOUT_MS, "500"));

        HealthReport health = redis.checkHealth();
        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).contains("127.0.0.1:" + closedPort);
        assertThatThrownBy(() -> redis.tryConsume("ip", new RateLimit(1, Duration.ofMinutes(1)), 1))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE));
        assertThatThrownBy(() -> redis.cacheGet("k"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RETRYABLE));
    }

    @Test
    void aRefusedPasswordIsAConfigurationErrorAndNeverShown() throws Exception {
        Path redisServer = onPath("redis-server");
        assumeTrue(redisServer != null, "redis-server is not installed");
        int port = freePort();
        Process server = new ProcessBuilder(redisServer.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--requirepass", "right-horse-battery", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            waitForPort(port);
            RateLimitBackend wrong = backend(Map.of(RedisProvider.PORT, String.valueOf(port), RedisProvider.PASSWORD, "wrong-staple-42"));
            HealthReport health = wrong.checkHealth();
            assertThat(health.healthy()).isFalse();
            assertThat(health.detail()).contains("refused the credentials").doesNotContain("wrong-staple-42");
            assertThatThrownBy(() -> wrong.tryConsume("ip", new RateLimit(1, Duration.ofMinutes(1)), 1))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.MISCONFIGURED);
                        assertThat(e.getMessage()).doesNotContain("wrong-staple-42");
                    });

            RateLimitBackend none = backend(Map.of(RedisProvider.PORT, String.valueOf(port)));
            assertThatThrownBy(() -> none.cacheGet("k")).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MISCONFIGURED));

            RateLimitBackend right = backend(Map.of(RedisProvider.PORT, String.valueOf(port), RedisProvider.PASSWORD, "right-horse-battery"));
            assertThat(right.checkHealth().healthy()).isTrue();
            assertThat(right.tryConsume("ip", new RateLimit(1, Duration.ofMinutes(1)), 1).allowed()).isTrue();
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void settingsAreCheckedBeforeAnyConnection() {
        RedisProvider provider = new RedisProvider();
        var schema = provider.descriptor().configSchema();
        assertThat(schema.validate(Map.of(RedisProvider.HOST, "127.0.0.1", RedisProvider.PORT, "0")).errors())
                .containsExactly(new FieldError(RedisProvider.PORT, "Port must be at least 1"));
        assertThat(schema.validate(Map.of(RedisProvider.HOST, "redis host; rm")).errors())
                .containsExactly(new FieldError(RedisProvider.HOST, "Host must be a host name or an IP address"));
        assertThat(schema.validate(Map.of()).errors()).containsExactly(new FieldError(RedisProvider.HOST, "Host is required"));
        assertThat(schema.field(RedisProvider.PASSWORD).orElseThrow().secret()).isTrue();

        ProviderConfig plainUpstash = schema.validate(Map.of(RedisProvider.HOST, "eu1-x.upstash.io", RedisProvider.HOSTED_BY, "upstash")).config();
        assertThat(provider.validate(plainUpstash)).containsExactlyInAnyOrder(
                new FieldError(RedisProvider.TLS, "Upstash accepts TLS connections only"),
                new FieldError(RedisProvider.PASSWORD, "Upstash needs the database password"));
        ProviderConfig disguised = schema.validate(Map.of(RedisProvider.HOST, "eu1-x.upstash.io")).config();
        assertThat(provider.validate(disguised)).extracting(FieldError::field).containsExactly(RedisProvider.HOSTED_BY);
    }

    @Test
    void upstashIsDisclosedAsTheSubprocessorListNamesItAndSelfHostedAsNoThirdParty() {
        RedisProvider provider = new RedisProvider();
        var schema = provider.descriptor().configSchema();
        var upstash = provider.disclosure(schema.validate(Map.of(RedisProvider.HOST, "eu1-x.upstash.io", RedisProvider.HOSTED_BY, "upstash",
                RedisProvider.TLS, "true", RedisProvider.PASSWORD, "p")).config());
        assertThat(upstash.sharesPersonalData()).isTrue();
        assertThat(upstash.legalEntity()).isEqualTo("Upstash, Inc.");
        assertThat(upstash.purpose()).isEqualTo("Managed Redis for caching and rate-limit counters (planned)");
        assertThat(upstash.location()).isEqualTo("United States (global edge)");
        assertThat(upstash.dataCategories()).containsExactly("Short-TTL cache entries", "rate-limit counters", "hot-key snapshots");
        assertThat(upstash.dpfStatus()).isEqualTo(com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus.VERIFY);

        var selfHosted = provider.disclosure(schema.validate(Map.of(RedisProvider.HOST, "redis.internal")).config());
        assertThat(selfHosted.sharesPersonalData()).isFalse();
        assertThat(selfHosted.purpose()).contains("infrastructure you operate");
        assertThat(provider.descriptor().disclosure()).isEqualTo(selfHosted);
    }

    @Test
    void anotherCompanysManagedRedisIsNamedOnTheSubprocessorPage() {
        RedisProvider provider = new RedisProvider();
        var schema = provider.descriptor().configSchema();
        ProviderConfig unnamed = schema.validate(Map.of(RedisProvider.HOST, "cache.example.cloud", RedisProvider.HOSTED_BY, "other-company")).config();
        assertThat(provider.validate(unnamed)).extracting(FieldError::field)
                .containsExactlyInAnyOrder(RedisProvider.OPERATOR_NAME, RedisProvider.OPERATOR_LOCATION);

        var named = provider.disclosure(schema.validate(Map.of(RedisProvider.HOST, "cache.example.cloud", RedisProvider.HOSTED_BY, "other-company",
                RedisProvider.OPERATOR_NAME, "Example Cloud GmbH", RedisProvider.OPERATOR_LOCATION, "Germany")).config());
        assertThat(named.sharesPersonalData()).isTrue();
        assertThat(named.legalEntity()).isEqualTo("Example Cloud GmbH");
        assertThat(named.location()).isEqualTo("Germany");
        assertThat(named.dataCategories()).containsExactly("Short-TTL cache entries", "rate-limit counters", "hot-key snapshots");
    }

    @Test
    void settingsNeverPrintThePassword() {
        var config = new RedisProvider().descriptor().configSchema()
                .validate(Map.of(RedisProvider.HOST, "127.0.0.1", RedisProvider.PASSWORD, "hunter2-secret")).config();
        assertThat(RedisSettings.from(config).toString()).doesNotContain("hunter2-secret").contains("password=***");
        assertThat(config.toString()).doesNotContain("hunter2-secret");
    }

    private static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(5);
            return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG") || answer.length > 0 && answer[0] == '-';
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitForPort(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (answersPing(port)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    private static Path onPath(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (java.nio.file.Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
