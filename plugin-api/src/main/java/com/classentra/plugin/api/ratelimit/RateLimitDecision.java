package com.classentra.plugin.api.ratelimit;

import java.time.Duration;

/** Whether the call may go ahead; when not, how long to wait (sent as Retry-After). */
public record RateLimitDecision(boolean allowed, long remainingTokens, Duration retryAfter) {
}
