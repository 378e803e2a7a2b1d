package com.classentra.platform.ratelimit;

import com.classentra.plugin.api.ratelimit.RateLimit;
import java.time.Duration;
import java.util.Locale;

/**
 * What is limited, and how much by default. Buckets hold {@code capacity} tokens and refill evenly over
 * {@code period} (10 per 15 minutes: one more every 90 seconds). Each default can be changed with
 * {@code classentra.rate-limits.<key>.capacity} and {@code .period}, e.g. {@code classentra.rate-limits.sign-in-ip.capacity=100}.
 */
public enum RateLimitRule {
    /** Sign-in attempts from one address. Generous: a classroom behind one NAT signs in at the same minute. */
    SIGN_IN_IP(60, Duration.ofMinutes(5)),
    /** Failed sign-ins for one email from one address; while used up, that pair is throttled, never locked for good. */
    SIGN_IN_ACCOUNT_FAILURES(10, Duration.ofMinutes(15)),
    /**
     * Failed sign-ins for one email from any address, so guessing spread over many addresses is slowed too. While
     * used up, password sign-in for that email is refused everywhere; a sign-in link by email still works.
     */
    SIGN_IN_ACCOUNT_FAILURES_ANY_ADDRESS(50, Duration.ofHours(1)),
    SIGN_UP_IP(20, Duration.ofHours(1)),
    /** Sign-up attempts naming one email address, from anywhere. */
    SIGN_UP_ACCOUNT(5, Duration.ofHours(1)),
    PASSWORD_RESET_IP(20, Duration.ofHours(1)),
    /** Reset emails for one address, so nobody can flood a mailbox through the form. */
    PASSWORD_RESET_ACCOUNT(3, Duration.ofHours(1)),
    SIGN_IN_LINK_IP(20, Duration.ofHours(1)),
    /** Sign-in link emails for one address, so nobody can flood a mailbox through the form. */
    SIGN_IN_LINK_ACCOUNT(5, Duration.ofHours(1)),
    VERIFICATION_RESEND_ACCOUNT(5, Duration.ofHours(1)),
    VERIFICATION_RESEND_IP(20, Duration.ofHours(1)),
    /** Join-code lookups and joins by one student account: a code is 8 characters, guessing must stay slow. */
    JOIN_CODE_ACCOUNT(20, Duration.ofHours(1)),
    /** Join-code lookups and joins from one address; a classroom behind one NAT joins at the same minute. */
    JOIN_CODE_IP(120, Duration.ofHours(1)),
    /** Invitation emails one teacher may send in a day (one token per address). */
    INVITATIONS_TEACHER(200, Duration.ofDays(1)),
    /** Chat messages one person posts: a lively class stays well under it, a script does not. */
    CHAT_POSTS(30, Duration.ofMinutes(1)),
    /** Every request of a visitor not signed in (pages, Vaadin round trips; not static files): stops scrapers and floods. */
    ANONYMOUS_REQUESTS_IP(600, Duration.ofMinutes(1));

    private final RateLimit defaultLimit;

    RateLimitRule(long capacity, Duration period) {
        this.defaultLimit = new RateLimit(capacity, period);
    }

    /** The rule's name in configuration and in bucket ids, e.g. {@code sign-in-ip}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    RateLimit defaultLimit() {
        return defaultLimit;
    }
}
