package com.classentra.accounts;

import com.classentra.db.jooq.tables.records.AppUserRecord;
import com.classentra.platform.db.ScopedTransactions;
import com.classentra.platform.ratelimit.RateLimitRule;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.platform.ratelimit.RateLimiter;
import com.classentra.platform.text.EmailAddresses;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Finds an account before anyone is signed in (sign-in, sign-up, password reset, Google). The database answers
 * "which account is that" through a narrow SECURITY DEFINER function; the row itself is then read in the
 * person's own scope, the only scope in which row-level security shows it. Called outside any transaction.
 */
@Component
class AccountLookup {

    private final AccountRepository accounts;
    private final ScopedTransactions scoped;
    private final RateLimiter rateLimiter;

    AccountLookup(AccountRepository accounts, ScopedTransactions scoped, RateLimiter rateLimiter) {
        this.accounts = accounts;
        this.scoped = scoped;
        this.rateLimiter = rateLimiter;
    }

    Optional<AppUserRecord> byEmail(String email) {
        return accounts.idForEmail(email).flatMap(this::byId);
    }

    /**
     * The account to email a link to (password reset, sign-in) for an address someone typed into a form. Too many
     * requests from the client get {@link RateLimitedException}; an implausible address, or one that got its share of
     * emails, finds nothing, silently: the answer must never tell whether an account exists.
     */
    Optional<AppUserRecord> forEmailedLink(String email, RequestOrigin origin, RateLimitRule perAddress, RateLimitRule perEmail) {
        rateLimiter.requireAllowed(perAddress, origin.clientAddress());
        if (email == null || !EmailAddresses.plausible(email.strip())
                || !rateLimiter.check(perEmail, email.strip().toLowerCase(Locale.ROOT)).allowed()) {
            return Optional.empty();
        }
        return byEmail(email);
    }

    Optional<AppUserRecord> byGoogleSubject(String subject) {
        return accounts.idForGoogleSubject(subject).flatMap(this::byId);
    }

    Optional<AppUserRecord> byId(UUID id) {
        return scoped.asUser(id, () -> accounts.findById(id));
    }
}
