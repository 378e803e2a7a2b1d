package com.classentra.platform.ratelimit;

import com.classentra.plugin.api.ratelimit.RateLimit;
import com.classentra.plugin.api.ratelimit.RateLimitDecision;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The default store of rate limits: Bucket4j token buckets in the {@code rate_limit_bucket} table, read and
 * written under {@code SELECT ... FOR UPDATE}, so every app node on the database shares them. Bucket4j takes
 * its own connections from the pool and commits them itself, outside any application transaction.
 */
@Component
class PostgresBuckets {

    static final String TABLE = "rate_limit_bucket";

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    PostgresBuckets(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                // expires_at = the moment the bucket is full again: from then on the row says nothing a fresh
                // bucket would not, so the retention rule "rate-limit" deletes it (the privacy policy promises exactly that).
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    RateLimitDecision tryConsume(String id, RateLimit limit) {
        ConsumptionProbe probe = bucket(id, limit).tryConsumeAndReturnRemaining(1);
        return new RateLimitDecision(probe.isConsumed(), probe.getRemainingTokens(),
                probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    RateLimitDecision probe(String id, RateLimit limit) {
        EstimationProbe probe = bucket(id, limit).estimateAbilityToConsume(1);
        return new RateLimitDecision(probe.canBeConsumed(), probe.getRemainingTokens(),
                probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private BucketProxy bucket(String id, RateLimit limit) {
        return buckets.builder().build(id, () -> BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.refillPeriod()))
                .build());
    }
}
