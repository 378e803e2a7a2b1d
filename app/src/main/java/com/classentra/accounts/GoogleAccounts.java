package com.classentra.accounts;

import com.classentra.db.jooq.tables.records.AppUserRecord;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.ScopedTransactions;
import com.classentra.accounts.abuse.DisposableEmailDomains;
import com.classentra.platform.ratelimit.RateLimitRule;
import com.classentra.platform.ratelimit.RateLimiter;
import com.classentra.platform.security.SessionDirectory;
import com.classentra.platform.security.SignedInUser.Role;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Accounts reached through Google sign-in. A Google identity (its stable subject id) is used as is when
 * known; otherwise it is linked to an existing account with the same email only when Google says that
 * email is verified, so nobody can take over an account by showing an unverified address; otherwise a
 * new account is created. Google's display name and picture URL are kept, as the privacy policy lists.
 */
@Service
public class GoogleAccounts {

    private final AccountRepository accounts;
    private final AccountLookup lookup;
    private final ScopedTransactions scoped;
    private final AuditLog audit;
    private final SessionDirectory sessions;
    private final RateLimiter rateLimiter;
    private final DisposableEmailDomains disposableDomains;

    GoogleAccounts(AccountRepository accounts, AccountLookup lookup, ScopedTransactions scoped, AuditLog audit, SessionDirectory sessions,
            RateLimiter rateLimiter, DisposableEmailDomains disposableDomains) {
        this.accounts = accounts;
        this.lookup = lookup;
        this.scoped = scoped;
        this.audit = audit;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
        this.disposableDomains = disposableDomains;
    }

    /** What Google told us about the person. */
    public record GoogleIdentity(String subject, String email, boolean emailVerified, String givenName, String familyName,
            String displayName, String pictureUrl) {
    }

    /** Why a Google sign-in cannot go ahead, in words for the person. */
    public static final class GoogleSignInRefused extends RuntimeException {
        GoogleSignInRefused(String message) {
            super(message);
        }
    }

    /**
     * The account for this Google identity, linking or creating it.
     *
     * @param roleForNewAccount the role chosen on the sign-up page, used only when an account is created
     * @param ageForNewAccount  the age group given on the sign-up page; without one no account is created
     */
    public UUID accountFor(GoogleIdentity identity, Role roleForNewAccount, AgeGroup ageForNewAccount, RequestOrigin origin) {
        Optional<AppUserRecord> known = lookup.byGoogleSubject(identity.subject());
        if (known.isPresent()) {
            return active(known.get()).getId();
        }
        if (identity.email() == null || identity.email().isBlank()) {
            throw new GoogleSignInRefused("Google did not share an email address for this account.");
        }
        Optional<AppUserRecord> sameEmail = lookup.byEmail(identity.email());
        if (sameEmail.isPresent()) {
            if (!identity.emailVerified()) {
                throw new GoogleSignInRefused("Google has not verified " + identity.email()
                        + ", so it cannot be linked to the existing account. Sign in with your password instead.");
            }
            UUID id = active(sameEmail.get()).getId();
            // An account whose address was never confirmed may have been opened by someone else with this
            // address: Google has now proved who owns it, so that password and its sessions stop working.
            boolean unconfirmed = !sameEmail.get().getEmailVerified();
            scoped.runAsUser(id, () -> {
                accounts.linkGoogle(id, identity.subject(), identity.displayName(), identity.pictureUrl(), true);
                if (unconfirmed) {
                    accounts.updatePasswordHash(id, null);
                }
                audit.record(null, id, "account.google_linked", "user", id.toString(), Map.of("passwordRemoved", unconfirmed));
            });
            if (unconfirmed) {
                sessions.endSessions(id, null);
            }
            return id;
        }
        refuseNewAccount(identity, origin);
        if (ageForNewAccount == null) {
            throw new GoogleSignInRefused("There is no Classentra account for " + identity.email()
                    + " yet. Create one on the sign-up page, which asks your age, and choose \"Sign up with Google\" there.");
        }
        SignUpAge.refusal(ageForNewAccount, origin.country()).ifPresent(refusal -> {
            throw new GoogleSignInRefused(refusal);
        });
        UUID id = UUID.randomUUID();
        Role role = roleForNewAccount == Role.TEACHER ? Role.TEACHER : Role.STUDENT;
        UUID tenantId = role == Role.TEACHER ? UUID.randomUUID() : null;
        String first = firstNonBlank(identity.givenName(), identity.displayName(), identity.email().split("@")[0]);
        String last = firstNonBlank(identity.familyName(), "-");
        scoped.runAsPerson(tenantId, id, () -> {
            accounts.insert(new AccountRepository.NewAccount(id, identity.email(), first, last, null, new String[] {role.name()}),
                    null, identity.emailVerified());
            accounts.linkGoogle(id, identity.subject(), identity.displayName(), identity.pictureUrl(), identity.emailVerified());
            if (tenantId != null) {
                accounts.createPersonalTenant(tenantId, first + " " + last, id);
            }
            audit.record(tenantId, id, "account.signed_up", "user", id.toString(), Map.of("role", role.name(), "via", "google"));
        });
        return id;
    }

    /** A new account through Google passes the same checks as the sign-up form. */
    private void refuseNewAccount(GoogleIdentity identity, RequestOrigin origin) {
        // An unverified address would let anyone who types someone else's email into a Google account own it here.
        if (!identity.emailVerified()) {
            throw new GoogleSignInRefused("Google has not verified " + identity.email()
                    + ". Verify it with Google, or sign up with the form and confirm it by email.");
        }
        if (origin.countryRefusal().isPresent()) {
            throw new GoogleSignInRefused(origin.countryRefusal().get());
        }
        if (disposableDomains.isDisposable(identity.email())) {
            throw new GoogleSignInRefused("Addresses from disposable email services can't be used.");
        }
        if (!rateLimiter.check(RateLimitRule.SIGN_UP_IP, origin.clientAddress()).allowed()) {
            throw new GoogleSignInRefused("Too many new accounts from here. Please try again later.");
        }
    }

    private static AppUserRecord active(AppUserRecord user) {
        if (!AccountColumns.active(user)) {
            throw new GoogleSignInRefused("This account is suspended.");
        }
        return user;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip().length() > 100 ? value.strip().substring(0, 100) : value.strip();
            }
        }
        return "-";
    }
}
