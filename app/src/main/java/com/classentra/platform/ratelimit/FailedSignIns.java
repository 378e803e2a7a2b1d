package com.classentra.platform.ratelimit;

import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;

/**
 * Throttles guessing of one account's password: every failed sign-in takes a token from two buckets of the email,
 * {@link RateLimitRule#SIGN_IN_ACCOUNT_FAILURES} (from that address) and
 * {@link RateLimitRule#SIGN_IN_ACCOUNT_FAILURES_ANY_ADDRESS} (from anywhere), and {@link RateLimitFilter} refuses
 * password sign-in for that email while either is empty. The buckets refill, so the account is slowed down, never
 * locked: a lockout would let anyone lock anyone out, and while the any-address bucket is empty the owner signs in
 * with a link sent by email. Spring Security reports an unknown email as bad credentials too, and the key is the
 * email as typed, so throttling looks the same whether or not the account exists.
 */
@Component
class FailedSignIns {

    private final RateLimiter limiter;

    FailedSignIns(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String username && !username.isBlank()
                && event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            limiter.check(RateLimitRule.SIGN_IN_ACCOUNT_FAILURES, emailAtAddressKey(username, details.getRemoteAddress()));
            limiter.check(RateLimitRule.SIGN_IN_ACCOUNT_FAILURES_ANY_ADDRESS, emailKey(username));
        }
    }

    /** The email as accounts compare it: case-insensitive, surrounding spaces ignored. */
    static String emailKey(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * One bucket per email and client address: guessing from one place is slowed down at once, while the owner
     * signing in from elsewhere is not.
     */
    static String emailAtAddressKey(String username, String clientAddress) {
        return emailKey(username) + "|" + clientAddress;
    }
}
