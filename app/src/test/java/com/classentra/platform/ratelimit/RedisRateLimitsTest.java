package com.classentra.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.classentra.platform.plugins.ConfigRejectedException;
import com.classentra.platform.plugins.PluginHost;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.ratelimit.RateLimit;
import com.classentra.testsupport.LocalRedis;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestSwitches;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pf4j.PluginClassLoader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** The rate limiter on the cache-redis plugin, loaded through PF4J, against the Redis on 127.0.0.1:6379 (skipped without one). */
@SmallRateLimits
@WithMockUser(roles = "ADMIN")
class RedisRateLimitsTest {

    @Autowired
    RateLimiter limiter;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    SlotRegistry slots;
    @Autowired
    PluginHost host;
    @Autowired
    PlatformSql platform;

    private final String prefix = "classentra-apptest-" + UUID.randomUUID() + ":";

    @BeforeAll
    static void redisAnswers() {
        assumeTrue(LocalRedis.answers(), "no Redis answers on 127.0.0.1:" + LocalRedis.PORT);
    }

    @AfterEach
    void defaultProvider() {
        platform.resetPluginSlots();
    }

    private void useRedis() throws ConfigRejectedException {
        switcher.switchProvider(Slot.RATE_LIMITS, "redis", Map.of("host", "127.0.0.1", "port", String.valueOf(LocalRedis.PORT), "keyPrefix", prefix), null, TestSwitches.AT_ONCE);
    }

    @Test
    void theRateLimiterKeepsItsBucketsInRedisThroughThePlugin() throws Exception {
        useRedis();
        assertThat(host.provider(Slot.RATE_LIMITS, "redis")).hasValueSatisfying(p -> {
            assertThat(p.pluginId()).isEqualTo("cache-redis");
            assertThat(p.factory().getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class);
        });
        assertThatThrownBy(() -> Class.forName("io.lettuce.core.RedisClient")).as("Lettuce lives in the plugin only")
                .isInstanceOf(ClassNotFoundException.class);

        String address = "client-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.check(RateLimitRule.SIGN_UP_IP, address).allowed()).as("attempt %d", i + 1).isTrue();
        }
        assertThat(limiter.check(RateLimitRule.SIGN_UP_IP, address).allowed()).isFalse();
        assertThat(limiter.probe(RateLimitRule.SIGN_UP_IP, address).allowed()).isFalse();

        String bucket = prefix + "bucket:" + RateLimiter.bucketId(RateLimitRule.SIGN_UP_IP, new RateLimit(3, Duration.ofHours(1)), address);
        assertThat(LocalRedis.command("EXISTS", bucket)).isEqualTo(":1");
        assertThat(Long.parseLong(LocalRedis.command("PTTL", bucket).substring(1))).as("expires once refilled").isPositive();
        List<String> inPostgres = platform.call(sql -> sql.fetch("select id from rate_limit_bucket where id like ?", "%"
                + bucket.substring(bucket.lastIndexOf(':') + 1)).getValues(0, String.class));
        assertThat(inPostgres).isEmpty();
    }

    @Test
    void badSettingsAreRefusedWithAFieldMessageAndRedisStaysInService() throws Exception {
        useRedis();
        assertThatThrownBy(() -> switcher.switchProvider(Slot.RATE_LIMITS, "redis", Map.of("host", "127.0.0.1", "port", "0"), null, TestSwitches.AT_ONCE))
                .isInstanceOfSatisfying(ConfigRejectedException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("port", "Port must be at least 1")));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> switcher.switchProvider(Slot.RATE_LIMITS, "redis",
                Map.of("host", "127.0.0.1", "port", String.valueOf(closed), "connectTimeoutMs", "500"), null, TestSwitches.AT_ONCE))
                .isInstanceOf(ConfigRejectedException.class)
                .hasMessageContaining("Redis at redis://127.0.0.1:" + closed + "/0");

        assertThat(slots.activeProviderId(Slot.RATE_LIMITS)).isEqualTo("redis");
        assertThat(slots.health(Slot.RATE_LIMITS).healthy()).isTrue();
        String address = "client-" + UUID.randomUUID();
        limiter.check(RateLimitRule.SIGN_UP_IP, address);
        String bucket = prefix + "bucket:" + RateLimiter.bucketId(RateLimitRule.SIGN_UP_IP, new RateLimit(3, Duration.ofHours(1)), address);
        assertThat(LocalRedis.command("EXISTS", bucket)).as("still counted in Redis with the first settings").isEqualTo(":1");
    }
}
