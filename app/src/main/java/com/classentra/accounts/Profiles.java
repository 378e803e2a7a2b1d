package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.accounts.AccountTokens.Check;
import com.classentra.accounts.AccountTokens.Purpose;
import com.classentra.accounts.abuse.DisposableEmailDomains;
import com.classentra.db.jooq.tables.records.AppUserRecord;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.ScopedTransactions;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.ratelimit.RateLimitRule;
import com.classentra.platform.ratelimit.RateLimiter;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.EmailAddresses;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * A person corrects what we keep about them (privacy policy, "Your Rights"): names, title, language, time zone, and
 * their email address, which changes only once the new address has confirmed a link sent to it.
 */
@Service
public class Profiles {

    private final DSLContext db;
    private final ScopedTransactions scoped;
    private final AccountTokens tokens;
    private final Reauthentication reauthentication;
    private final AccountRepository accounts;
    private final DisposableEmailDomains disposable;
    private final EmailOutbox outbox;
    private final RateLimiter rateLimiter;
    private final AuditLog audit;

    Profiles(DSLContext db, ScopedTransactions scoped, AccountTokens tokens, Reauthentication reauthentication, AccountRepository accounts,
            DisposableEmailDomains disposable, EmailOutbox outbox, RateLimiter rateLimiter, AuditLog audit) {
        this.db = db;
        this.scoped = scoped;
        this.tokens = tokens;
        this.reauthentication = reauthentication;
        this.accounts = accounts;
        this.disposable = disposable;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
    }

    /** The languages Classentra speaks (its emails and pages); English only for now. */
    public static final Map<String, String> LANGUAGES = Map.of("en", "English");

    /** @param timeZone null to follow the browser's */
    public record Profile(String firstName, String lastName, String title, String email, String pendingEmail, String language, ZoneId timeZone) {
    }

    public Profile profile(SignedInUser user) {
        AppUserRecord row = scoped.asUser(user.id(), () -> db.selectFrom(APP_USER).where(APP_USER.ID.eq(user.id())).fetchSingle());
        return new Profile(row.getFirstName(), row.getLastName(), row.getTitle(), row.getEmail(), row.getPendingEmail(),
                row.getLocale() == null ? "en" : row.getLocale(), zone(row.getTimeZone()).orElse(null));
    }

    /** Saves the profile; returns problems by field, empty when saved. */
    public Map<String, String> update(SignedInUser user, Profile changed) {
        Map<String, String> problems = new LinkedHashMap<>();
        String first = changed.firstName() == null ? "" : changed.firstName().strip();
        String last = changed.lastName() == null ? "" : changed.lastName().strip();
        String title = changed.title() == null || changed.title().isBlank() ? null : changed.title().strip();
        if (first.isEmpty() || first.length() > 100) {
            problems.put("firstName", "Give your first name (at most 100 characters)");
        }
        if (last.isEmpty() || last.length() > 100) {
            problems.put("lastName", "Give your last name (at most 100 characters)");
        }
        if (title != null && title.length() > 100) {
            problems.put("title", "Use at most 100 characters");
        }
        if (!LANGUAGES.containsKey(changed.language())) {
            problems.put("language", "Choose one of the languages offered");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        scoped.runAsUser(user.id(), () -> {
            db.update(APP_USER).set(APP_USER.FIRST_NAME, first).set(APP_USER.LAST_NAME, last).set(APP_USER.TITLE, title)
                    .set(APP_USER.LOCALE, changed.language()).set(APP_USER.TIME_ZONE, changed.timeZone() == null ? null : changed.timeZone().getId())
                    .set(APP_USER.UPDATED_AT, currentOffsetDateTime()).where(APP_USER.ID.eq(user.id())).execute();
            audit.record(null, user.id(), "account.profile_updated", "app_user", user.id().toString(), Map.of());
        });
        return Map.of();
    }

    /** The person's chosen time zone, if they chose one. */
    public Optional<ZoneId> timeZone(UUID userId) {
        return scoped.asUser(userId, () -> db.select(APP_USER.TIME_ZONE).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.TIME_ZONE)).flatMap(Profiles::zone);
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether changing the address asks for the password (an account that signs in only with Google has none). */
    public boolean needsPassword(SignedInUser user) {
        return reauthentication.hasPassword(user.id());
    }

    /** Why an email change was not started; null when the link is on its way. */
    public enum EmailChangeRefusal { NOT_AN_ADDRESS, SAME_ADDRESS, DISPOSABLE, WRONG_PASSWORD, TOO_MANY }

    /**
     * Sends a confirmation link to the new address (after the password, when the account has one). Whether another
     * account already uses the address is not told here: that address gets a notice instead of the link, so the form
     * cannot be used to find out who has an account.
     */
    public EmailChangeRefusal requestEmailChange(SignedInUser user, String newAddress, String password) {
        String address = newAddress == null ? "" : newAddress.strip();
        if (!EmailAddresses.plausible(address)) {
            return EmailChangeRefusal.NOT_AN_ADDRESS;
        }
        if (address.equalsIgnoreCase(user.email())) {
            return EmailChangeRefusal.SAME_ADDRESS;
        }
        if (disposable.isDisposable(address)) {
            return EmailChangeRefusal.DISPOSABLE;
        }
        if (reauthentication.hasPassword(user.id()) && !reauthentication.passwordMatches(user.id(), password)) {
            return EmailChangeRefusal.WRONG_PASSWORD;
        }
        if (!rateLimiter.check(RateLimitRule.VERIFICATION_RESEND_ACCOUNT, user.id().toString()).allowed()) {
            return EmailChangeRefusal.TOO_MANY;
        }
        boolean taken = scoped.asUser(user.id(), () -> {
            boolean used = accounts.idForEmail(address).isPresent();
            if (used) {
                outbox.enqueue(new EmailRequest(null, null, address, null, "email-change-taken", null, Map.of()));
            }
            return used;
        });
        if (taken) {
            return null;
        }
        scoped.runAsUser(user.id(), () -> {
            db.update(APP_USER).set(APP_USER.PENDING_EMAIL, address).set(APP_USER.UPDATED_AT, currentOffsetDateTime())
                    .where(APP_USER.ID.eq(user.id())).execute();
            tokens.voidAll(user.id(), Purpose.CHANGE_EMAIL);
            String link = tokens.link("/verify-email-change", tokens.issue(user.id(), Purpose.CHANGE_EMAIL));
            outbox.enqueue(new EmailRequest(null, user.id(), address, user.displayName(), "email-change", null, Map.of(
                    "name", user.displayName(), "link", link)));
            audit.record(null, user.id(), "account.email_change_requested", "app_user", user.id().toString(), Map.of());
        });
        return null;
    }

    /** What a confirmation link did. */
    public enum EmailChange { CHANGED, EXPIRED, INVALID, TAKEN }

    /** Makes the pending address the account's address, once; the old address is told. */
    public EmailChange confirmEmailChange(String token) {
        Optional<UUID> owner = tokens.ownerOf(token, Purpose.CHANGE_EMAIL);
        if (owner.isEmpty()) {
            return EmailChange.INVALID;
        }
        return scoped.asUser(owner.get(), () -> {
            Check check = tokens.redeem(token, Purpose.CHANGE_EMAIL);
            if (check.status() != LinkStatus.VALID) {
                return check.status() == LinkStatus.EXPIRED ? EmailChange.EXPIRED : EmailChange.INVALID;
            }
            AppUserRecord row = db.selectFrom(APP_USER).where(APP_USER.ID.eq(check.userId())).fetchSingle();
            String pending = row.getPendingEmail();
            if (pending == null) {
                return EmailChange.INVALID;
            }
            if (accounts.idForEmail(pending).isPresent()) {
                return EmailChange.TAKEN;
            }
            db.update(APP_USER).set(APP_USER.EMAIL, pending).set(APP_USER.PENDING_EMAIL, (String) null).set(APP_USER.EMAIL_VERIFIED, true)
                    .set(APP_USER.UPDATED_AT, currentOffsetDateTime()).where(APP_USER.ID.eq(check.userId())).execute();
            outbox.enqueue(new EmailRequest(null, null, row.getEmail(), row.getFirstName(), "email-changed", null, Map.of(
                    "name", row.getFirstName(), "newAddressHint", pending.charAt(0) + "•••" + pending.substring(pending.lastIndexOf('@')))));
            audit.record(null, check.userId(), "account.email_changed", "app_user", check.userId().toString(), Map.of());
            return EmailChange.CHANGED;
        });
    }
}
