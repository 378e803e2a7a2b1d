package com.classentra.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.ratelimit.RateLimitDecision;
import com.classentra.testsupport.AnotherNode;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestSwitches;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;

@SmallRateLimits
@WithMockUser(roles = "ADMIN")
class RateLimiterTest {

    @Autowired
    RateLimiter limiter;
    @Autowired
    com.classentra.platform.privacy.PersonalDataRegistry registry;
    @Autowired
    com.classentra.platform.privacy.RetentionPurge purge;
    @Autowired
    PlatformSql platform;
    @Autowired
    ProviderSwitcher switcher;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void defaultProvider() {
        platform.resetPluginSlots();
    }

    private static String address() {
        return "client-" + UUID.randomUUID();
    }

    private List<String> bucketIds() {
        return platform.call(sql -> sql.fetch("select id from rate_limit_bucket").getValues(0, String.class));
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRuleRefusesOnceItsConfiguredLimitIsUsedAndSaysWhenToRetry() {
        String address = address();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.check(RateLimitRule.SIGN_UP_IP, address).allowed()).as("attempt %d", i + 1).isTrue();
        }
        RateLimitDecision refused = limiter.check(RateLimitRule.SIGN_UP_IP, address);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remainingTokens()).isZero();
        // 3 per hour (the default is 20): the next token comes within 20 minutes.
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(20));

        assertThatThrownBy(() -> limiter.requireAllowed(RateLimitRule.SIGN_UP_IP, address))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).isPositive();
                    assertThat(e.rule()).isEqualTo(RateLimitRule.SIGN_UP_IP);
                });
        assertThat(limiter.check(RateLimitRule.SIGN_UP_IP, address()).allowed()).as("another address").isTrue();
        assertThat(limiter.check(RateLimitRule.PASSWORD_RESET_IP, address).allowed()).as("another rule").isTrue();
    }

    @Test
    void bucketsStoreAHashNeverTheAddressOrEmail() {
        limiter.check(RateLimitRule.PASSWORD_RESET_ACCOUNT, "amelie.tremblay@example.com");
        limiter.check(RateLimitRule.PASSWORD_RESET_IP, "203.0.113.200");

        assertThat(bucketIds()).noneMatch(id -> id.contains("amelie") || id.contains("203.0.113"))
                .contains("password-reset-account:3/PT1H:" + sha256("amelie.tremblay@example.com"),
                        "password-reset-ip:20/PT1H:" + sha256("203.0.113.200"));
    }

    @Test
    void thePurgeDeletesBucketsWhoseWindowHasPassedAndKeepsTheOthers() throws Exception {
        String live = "live-" + UUID.randomUUID();
        String refilled = "refilled-" + UUID.randomUUID();
        limiter.check(RateLimitRule.SIGN_UP_IP, live);
        // 2 per second: one token is back after half a second, and then the bucket is full again.
        limiter.check(RateLimitRule.VERIFICATION_RESEND_ACCOUNT, refilled);
        long now = System.currentTimeMillis();
        platform.call(sql -> {
            for (int i = 0; i < 3; i++) {
                sql.execute("insert into rate_limit_bucket (id, state, expires_at) values (?, ?, ?)", "old-" + i + "-" + live, new byte[] {1}, now - 1000);
            }
            sql.execute("insert into rate_limit_bucket (id, state, expires_at) values (?, ?, ?)", "later-" + live, new byte[] {1}, now + 600_000);
            // What Bucket4j leaves when a node dies between inserting a placeholder and writing the state.
            return sql.execute("insert into rate_limit_bucket (id) values (?)", "placeholder-" + live);
        });
        Thread.sleep(1100);

        purge.purge(registry.retentionRule("rate-limit"), java.time.OffsetDateTime.now());

        assertThat(bucketIds())
                .contains("later-" + live)
                .anyMatch(id -> id.startsWith("sign-up-ip:") && id.endsWith(sha256(live)))
                .noneMatch(id -> id.startsWith("old-") || id.startsWith("placeholder-") || id.endsWith(sha256(refilled)));
    }

    @Test
    void aChosenProviderKeepsTheBucketsAndPostgresqlTakesOverWhenItFails() throws Exception {
        switcher.switchProvider(Slot.RATE_LIMITS, "counting", Map.of(), null, TestSwitches.AT_ONCE);
        String address = address();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.check(RateLimitRule.SIGN_UP_IP, address).allowed()).isTrue();
        }
        assertThat(limiter.check(RateLimitRule.SIGN_UP_IP, address).allowed()).isFalse();
        assertThat(limiter.probe(RateLimitRule.SIGN_UP_IP, address).allowed()).isFalse();
        assertThat(bucketIds()).noneMatch(id -> id.endsWith(sha256(address)));

        platform.call(sql -> sql.execute("update plugin_slot_state set config = jsonb_set(config, '{behaviour}', '\"fail\"'), "
                + "version = nextval('plugin_slot_state_version_seq') where slot = 'rate-limits'"));
        assertThat(limiter.check(RateLimitRule.SIGN_UP_IP, address).allowed()).as("a fresh bucket in PostgreSQL").isTrue();
        assertThat(bucketIds()).anyMatch(id -> id.endsWith(sha256(address)));
    }

    @Test
    void twoAppInstancesOnTheSameDatabaseShareABucket(@TempDir Path data) {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        try (ConfigurableApplicationContext second = AnotherNode.start(
                "--classentra.data-directory=" + data, "--spring.main.banner-mode=off", "--server.port=0", "--management.server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=classentra_app",
                // The first instance migrated the schema; a second node only connects.
                "--spring.liquibase.enabled=false", "--classentra.outbox.dispatch-interval=1h",
                "--classentra.rate-limits.sign-up-ip.capacity=3")) {
            RateLimiter secondNode = second.getBean(RateLimiter.class);
            assertThat(secondNode).isNotSameAs(limiter);
            String address = address();

            assertThat(limiter.check(RateLimitRule.SIGN_UP_IP, address).allowed()).isTrue();
            assertThat(secondNode.check(RateLimitRule.SIGN_UP_IP, address).allowed()).isTrue();
            assertThat(limiter.check(RateLimitRule.SIGN_UP_IP, address).allowed()).isTrue();
            assertThat(secondNode.check(RateLimitRule.SIGN_UP_IP, address).allowed()).as("the fourth attempt, on either node").isFalse();
            assertThat(limiter.check(RateLimitRule.SIGN_UP_IP, address).allowed()).isFalse();
        }
    }
}
