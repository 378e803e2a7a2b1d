package com.classentra.platform.ratelimit;

import java.time.Duration;

/** A rate limit refused the action; callers tell the person when to try again. */
public class RateLimitedException extends RuntimeException {

    private final RateLimitRule rule;
    private final Duration retryAfter;

    RateLimitedException(RateLimitRule rule, Duration retryAfter) {
        super("Rate limit " + rule.key() + " reached; retry after " + retryAfter.toSeconds() + " s");
        this.rule = rule;
        this.retryAfter = retryAfter;
    }

    public RateLimitRule rule() {
        return rule;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
