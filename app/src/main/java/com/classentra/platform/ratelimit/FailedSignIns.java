package com.classentra.platform.ratelimit;

import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;

/**
 * Throttles guessing of one account's password: every failed sign-in takes a token from the email's
 * {@link RateLimitRule#SIGN_IN_ACCOUNT_FAILURES} bucket, and {@link RateLimitFilter} refuses sign-in for that
 * email while the bucket is empty. The bucket refills, so the account is slowed down, never locked (a lockout
 * would let anyone lock anyone out). Spring Security reports an unknown email as bad credentials too, and the
 * key is the email as typed, so throttling looks the same whether or not the account exists.
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
            limiter.check(RateLimitRule.SIGN_IN_ACCOUNT_FAILURES, accountKey(username, details.getRemoteAddress()));
        }
    }

    /**
     * One bucket per email (case-insensitive, like accounts) and client address: guessing from one place is
     * slowed down, while someone failing elsewhere can never lock the owner out of their own account.
     */
    static String accountKey(String username, String clientAddress) {
        return username.strip().toLowerCase(Locale.ROOT) + "|" + clientAddress;
    }
}
