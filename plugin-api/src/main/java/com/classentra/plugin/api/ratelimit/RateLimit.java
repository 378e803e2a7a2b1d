package com.classentra.plugin.api.ratelimit;

import java.time.Duration;

/** At most {@code capacity} tokens, refilled in full over {@code refillPeriod}. */
public record RateLimit(long capacity, Duration refillPeriod) {

    public RateLimit {
        if (capacity < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a positive capacity and period");
        }
    }
}
