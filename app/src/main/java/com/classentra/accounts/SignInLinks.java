package com.classentra.accounts;

import com.classentra.accounts.AccountTokens.Check;
import com.classentra.accounts.AccountTokens.Purpose;
import com.classentra.db.jooq.tables.records.AppUserRecord;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.ScopedTransactions;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.ratelimit.RateLimitRule;
import com.classentra.platform.ratelimit.RateLimitedException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.ott.DefaultOneTimeToken;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Service;

/**
 * "Email me a sign-in link": a link that signs the person in once, for whoever cannot use their password, also while
 * failed sign-ins for their email are throttled (the link proves control of the address, which guessing cannot). The
 * links are {@link AccountTokens} of purpose SIGN_IN; as Spring Security's {@link OneTimeTokenService} this class
 * issues them for an account id and uses them up, and {@link SignInLinkConfiguration} signs the person in with them.
 */
@Service
public class SignInLinks implements OneTimeTokenService {

    /** The page behind the link: it asks before signing in (mail scanners open links), and its button posts here. */
    public static final String PATH = "/login/link";

    private final AccountLookup lookup;
    private final AccountTokens tokens;
    private final ScopedTransactions scoped;
    private final EmailOutbox outbox;
    private final AuditLog audit;

    SignInLinks(AccountLookup lookup, AccountTokens tokens, ScopedTransactions scoped, EmailOutbox outbox, AuditLog audit) {
        this.lookup = lookup;
        this.tokens = tokens;
        this.scoped = scoped;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Emails a sign-in link when an active account has that email. Answers nothing either way, so the form cannot
     * be used to find out who has an account; too many requests from one address get {@link RateLimitedException}.
     */
    public void request(String email, Locale locale, RequestOrigin origin) {
        lookup.forEmailedLink(email, origin, RateLimitRule.SIGN_IN_LINK_IP, RateLimitRule.SIGN_IN_LINK_ACCOUNT)
                .filter(SignInLinks::active).ifPresent(user -> scoped.runAsUser(user.getId(), () -> {
                    OneTimeToken link = generate(new GenerateOneTimeTokenRequest(user.getId().toString()));
                    outbox.enqueue(new EmailRequest(null, user.getId(), user.getEmail(), user.getFirstName(), "sign-in-link", locale, Map.of(
                            "firstName", user.getFirstName(),
                            "link", tokens.link(PATH, link.getTokenValue()),
                            "validMinutes", String.valueOf(Purpose.SIGN_IN.validity.toMinutes()))));
                    audit.record(null, user.getId(), "account.sign_in_link_requested", "user", user.getId().toString(), Map.of());
                }));
    }

    /** What a link turned out to be; the email of the account it signs in to when it is usable, else null. */
    public record LinkCheck(LinkStatus status, String email) {
    }

    /** Looks at a link without using it up, to decide between the sign-in button and an explanation. */
    public LinkCheck check(String token) {
        Check check = tokens.ownerOf(token, Purpose.SIGN_IN)
                .map(owner -> scoped.asUser(owner, () -> tokens.inspect(token, Purpose.SIGN_IN)))
                .orElse(new Check(LinkStatus.INVALID, null));
        if (check.status() != LinkStatus.VALID) {
            return new LinkCheck(check.status(), null);
        }
        return lookup.byId(check.userId()).map(user -> new LinkCheck(LinkStatus.VALID, user.getEmail()))
                .orElse(new LinkCheck(LinkStatus.INVALID, null));
    }

    /** Issues a link, valid 15 minutes whatever the request asks, for the account whose id is its username; in the caller's transaction. */
    @Override
    public OneTimeToken generate(GenerateOneTimeTokenRequest request) {
        String token = tokens.issue(UUID.fromString(request.getUsername()), Purpose.SIGN_IN);
        return new DefaultOneTimeToken(token, request.getUsername(), Instant.now().plus(Purpose.SIGN_IN.validity));
    }

    /**
     * Uses the link up and names its account by id; null (refused) for a tampered, unknown, used or expired link.
     * The consumed token expires now: it cannot be used again.
     */
    @Override
    public OneTimeToken consume(OneTimeTokenAuthenticationToken authentication) {
        String token = authentication.getTokenValue();
        Optional<UUID> owner = tokens.ownerOf(token, Purpose.SIGN_IN);
        if (owner.isEmpty()) {
            return null;
        }
        Check check = scoped.asUser(owner.get(), () -> {
            Check redeemed = tokens.redeem(token, Purpose.SIGN_IN);
            if (redeemed.status() == LinkStatus.VALID) {
                audit.record(null, redeemed.userId(), "account.sign_in_link_used", "user", redeemed.userId().toString(), Map.of());
            }
            return redeemed;
        });
        return check.status() == LinkStatus.VALID ? new DefaultOneTimeToken(token, check.userId().toString(), Instant.now()) : null;
    }

    private static boolean active(AppUserRecord user) {
        return AccountColumns.active(user);
    }
}
