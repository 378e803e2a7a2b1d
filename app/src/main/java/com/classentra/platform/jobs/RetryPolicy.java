package com.classentra.platform.jobs;

import com.classentra.plugin.api.ProviderException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a durable queue tries a failed row again, and when it gives up: exponential backoff from
 * {@code firstRetry}, capped at {@code maxRetry}, each with up to 20% random spread so retries do not bunch up.
 */
public record RetryPolicy(int maxAttempts, Duration firstRetry, Duration maxRetry) {

    public Duration backoff(int attempts) {
        long base = firstRetry.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(base, maxRetry.toMillis());
        return Duration.ofMillis(capped + ThreadLocalRandom.current().nextLong(capped / 5 + 1));
    }

    /** A permanent failure, or one that used up the attempts, goes to dead letter. */
    public boolean givesUp(ProviderException failure, int attempts) {
        return failure.kind() == ProviderException.Kind.PERMANENT || attempts >= maxAttempts;
    }
}
