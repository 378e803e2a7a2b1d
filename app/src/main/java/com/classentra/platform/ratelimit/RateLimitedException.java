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

    /** "Please try again in 3 minutes.", for the person who was refused. */
    public String tryAgainLater() {
        return tryAgainIn(retryAfter);
    }

    /** "Please try again in 3 minutes." for a wait of 2 minutes and a few seconds: whole minutes, rounded up. */
    static String tryAgainIn(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        return "Please try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
    }
}
