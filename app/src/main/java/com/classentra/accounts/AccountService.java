package com.classentra.accounts;

import com.classentra.accounts.AccountTokens.Check;
import com.classentra.accounts.AccountTokens.Purpose;
import com.classentra.db.jooq.tables.records.AppUserRecord;
import com.classentra.legal.PolicyDocuments;
import com.classentra.legal.PolicyKind;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.ScopedTransactions;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.accounts.abuse.DisposableEmailDomains;
import com.classentra.platform.ratelimit.RateLimitRule;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.platform.ratelimit.RateLimiter;
import com.classentra.platform.security.SessionDirectory;
import com.classentra.platform.text.EmailAddresses;
import com.classentra.platform.security.SignedInUser.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creating accounts and proving control of their email: sign-up, verification links, password reset.
 * Every email goes through the outbox in the same transaction as the change that causes it.
 */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final AccountLookup lookup;
    private final ScopedTransactions scoped;
    private final AccountTokens tokens;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final PolicyDocuments policies;
    private final EmailOutbox outbox;
    private final AuditLog audit;
    private final SessionDirectory sessions;
    private final RateLimiter rateLimiter;
    private final DisposableEmailDomains disposableDomains;
    private final ClassentraProperties properties;

    AccountService(AccountRepository accounts, AccountLookup lookup, ScopedTransactions scoped, AccountTokens tokens, PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder,
            PolicyDocuments policies, EmailOutbox outbox, AuditLog audit,
            SessionDirectory sessions, RateLimiter rateLimiter, DisposableEmailDomains disposableDomains, ClassentraProperties properties) {
        this.accounts = accounts;
        this.lookup = lookup;
        this.scoped = scoped;
        this.tokens = tokens;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.policies = policies;
        this.outbox = outbox;
        this.audit = audit;
        this.sessions = sessions;
        this.rateLimiter = rateLimiter;
        this.disposableDomains = disposableDomains;
        this.properties = properties;
    }

    /**
     * The outcome of a sign-up: accepted (the person is told to look for an email), or messages keyed by form
     * field. An address that already has an account is accepted too, without an account id: the answer must not
     * tell who has an account, so the owner gets an email instead.
     */
    public record SignUpResult(UUID userId, Map<String, String> problems) {

        public boolean accepted() {
            return problems.isEmpty();
        }

        public boolean created() {
            return userId != null;
        }
    }

    /**
     * Creates the account. Refused for a blocked country, and rate limited per client address: a flood of
     * attempts gets {@link RateLimitedException} with the time to wait.
     */
    public SignUpResult signUp(SignUpForm form, RequestOrigin origin) {
        if (origin.countryRefusal().isPresent()) {
            return new SignUpResult(null, Map.of("form", origin.countryRefusal().get()));
        }
        rateLimiter.requireAllowed(RateLimitRule.SIGN_UP_IP, origin.clientAddress());
        if (form.email() != null && !form.email().isBlank()) {
            rateLimiter.requireAllowed(RateLimitRule.SIGN_UP_ACCOUNT, form.email().strip().toLowerCase(Locale.ROOT));
        }
        if (form.age() == null) {
            return new SignUpResult(null, Map.of("age", "Choose your age group."));
        }
        // Refused before anything about the person is looked up or kept.
        Optional<String> tooYoung = SignUpAge.refusal(form.age(), origin.country());
        if (tooYoung.isPresent()) {
            return new SignUpResult(null, Map.of("age", tooYoung.get()));
        }
        Map<String, String> problems = validate(form);
        if (!problems.isEmpty()) {
            return new SignUpResult(null, problems);
        }
        Optional<AppUserRecord> existing = lookup.byEmail(form.email());
        if (existing.isPresent()) {
            tellOwnerTheirAccountExists(existing.get(), form.locale());
            return new SignUpResult(null, Map.of());
        }
        UUID userId = UUID.randomUUID();
        UUID tenantId = form.teacher() ? UUID.randomUUID() : null;
        String[] roles = {form.teacher() ? Role.TEACHER.name() : Role.STUDENT.name()};
        try {
            scoped.runAsPerson(tenantId, userId, () -> {
                accounts.insert(new AccountRepository.NewAccount(userId, form.email(), form.firstName(), form.lastName(),
                        form.teacher() ? form.title() : null, roles), passwordEncoder.encode(form.password()), false);
                if (form.teacher()) {
                    accounts.createPersonalTenant(tenantId, form.firstName().strip() + " " + form.lastName().strip(), userId);
                }
                policies.accept(userId, PolicyKind.requiredFor(Set.of(Role.valueOf(roles[0]))));
                sendVerification(userId, form.email().strip(), form.firstName().strip(), form.locale());
                audit.record(tenantId, userId, "account.signed_up", "user", userId.toString(), Map.of("role", roles[0]));
            });
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // Two sign-ups with one address raced past the check above; the unique index kept one, whose owner
            // learns of the other attempt like any other.
            lookup.byEmail(form.email()).ifPresent(owner -> tellOwnerTheirAccountExists(owner, form.locale()));
            return new SignUpResult(null, Map.of());
        }
        return new SignUpResult(userId, Map.of());
    }

    private void tellOwnerTheirAccountExists(AppUserRecord owner, Locale locale) {
        scoped.runAsUser(owner.getId(), () -> {
            outbox.enqueue(new EmailRequest(null, owner.getId(), owner.getEmail(), owner.getFirstName(), "account-exists", locale, Map.of(
                    "firstName", owner.getFirstName(),
                    "signInLink", properties.publicUrl() + "/login",
                    "resetLink", properties.publicUrl() + "/forgot-password")));
            audit.record(null, owner.getId(), "account.sign_up_with_existing_address", "user", owner.getId().toString(), Map.of());
        });
    }

    private Map<String, String> validate(SignUpForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        requireName(problems, "firstName", form.firstName(), "first name");
        requireName(problems, "lastName", form.lastName(), "last name");
        if (form.teacher() && form.title() != null && form.title().strip().length() > 100) {
            problems.put("title", "Use at most 100 characters");
        }
        String email = form.email() == null ? "" : form.email().strip();
        if (!EmailAddresses.plausible(email)) {
            problems.put("email", "Enter an email address such as name@example.com");
        } else if (disposableDomains.isDisposable(email)) {
            problems.put("email", "Addresses from disposable email services can't be used. Please use an address you keep.");
        }
        passwordPolicy.problem(form.password(), List.of(email, nullToEmpty(form.firstName()), nullToEmpty(form.lastName())))
                .ifPresent(message -> problems.put("password", message));
        if (!form.acceptedPolicies()) {
            problems.put("policies", "Please read and accept the documents to create your account");
        }
        return problems;
    }

    private static void requireName(Map<String, String> problems, String field, String value, String label) {
        if (value == null || value.isBlank()) {
            problems.put(field, "Enter your " + label);
        } else if (value.strip().length() > 100) {
            problems.put(field, "Use at most 100 characters");
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** Queues a verification email; part of the caller's transaction. */
    private void sendVerification(UUID userId, String email, String firstName, Locale locale) {
        String token = tokens.issue(userId, Purpose.VERIFY_EMAIL);
        outbox.enqueue(new EmailRequest(null, userId, email, firstName, "verify-email", locale, Map.of(
                "firstName", firstName,
                "link", tokens.link("/verify-email", token),
                "validHours", String.valueOf(Purpose.VERIFY_EMAIL.validity.toHours()))));
    }

    /** Sends a new verification link to a signed-in person whose email is not verified yet; a few per hour. */
    public void resendVerification(UUID userId, RequestOrigin origin) {
        rateLimiter.requireAllowed(RateLimitRule.VERIFICATION_RESEND_IP, origin.clientAddress());
        rateLimiter.requireAllowed(RateLimitRule.VERIFICATION_RESEND_ACCOUNT, userId.toString());
        scoped.runAsUser(userId, () -> {
            AppUserRecord user = accounts.findById(userId).orElseThrow();
            if (!user.getEmailVerified()) {
                sendVerification(userId, user.getEmail(), user.getFirstName(), Locale.forLanguageTag(user.getLocale()));
            }
        });
    }

    /** The result of opening a verification link. */
    public enum Verification { VERIFIED, ALREADY_VERIFIED, EXPIRED, INVALID }

    /** What a verification link did, and whose address it concerned (null when the link is not valid). */
    public record VerificationResult(Verification outcome, UUID userId) {
    }

    public VerificationResult verifyEmail(String token) {
        Optional<UUID> owner = tokens.ownerOf(token, Purpose.VERIFY_EMAIL);
        if (owner.isEmpty()) {
            return new VerificationResult(Verification.INVALID, null);
        }
        return scoped.asUser(owner.get(), () -> {
            Check check = tokens.redeem(token, Purpose.VERIFY_EMAIL);
            Verification outcome = switch (check.status()) {
                case VALID -> {
                    accounts.markEmailVerified(check.userId());
                    yield Verification.VERIFIED;
                }
                // A mail scanner may have opened the link first: what matters is that the address is verified.
                case USED -> accounts.findById(check.userId()).map(AppUserRecord::getEmailVerified).orElse(false)
                        ? Verification.ALREADY_VERIFIED : Verification.INVALID;
                case EXPIRED -> Verification.EXPIRED;
                case INVALID -> Verification.INVALID;
            };
            return new VerificationResult(outcome, outcome == Verification.INVALID ? null : check.userId());
        });
    }

    /**
     * Sends a reset link when an account with that email exists. Answers nothing either way, so the form
     * cannot be used to find out who has an account.
     */
    public void requestPasswordReset(String email, Locale locale, RequestOrigin origin) {
        lookup.forEmailedLink(email, origin, RateLimitRule.PASSWORD_RESET_IP, RateLimitRule.PASSWORD_RESET_ACCOUNT)
                .ifPresent(user -> scoped.runAsUser(user.getId(), () -> {
                    String token = tokens.issue(user.getId(), Purpose.RESET_PASSWORD);
                    outbox.enqueue(new EmailRequest(null, user.getId(), user.getEmail(), user.getFirstName(), "reset-password", locale, Map.of(
                            "firstName", user.getFirstName(),
                            "link", tokens.link("/reset-password", token),
                            "validMinutes", String.valueOf(Purpose.RESET_PASSWORD.validity.toMinutes()))));
                    audit.record(null, user.getId(), "account.password_reset_requested", "user", user.getId().toString(), Map.of());
                }));
    }

    /** Whether a reset link can still be used, to decide between the form and an explanation. */
    public LinkStatus checkResetLink(String token) {
        return inspectResetLink(token).status();
    }

    private Check inspectResetLink(String token) {
        return tokens.ownerOf(token, Purpose.RESET_PASSWORD)
                .map(owner -> scoped.asUser(owner, () -> tokens.inspect(token, Purpose.RESET_PASSWORD)))
                .orElse(new Check(LinkStatus.INVALID, null));
    }

    /** The outcome of choosing a new password through a reset link. */
    public record ResetResult(LinkStatus link, Optional<String> passwordProblem) {
    }

    /** Sets the new password, voids every other reset link and ends every session of the account. */
    public ResetResult resetPassword(String token, String newPassword) {
        Check preview = inspectResetLink(token);
        if (preview.status() != LinkStatus.VALID) {
            return new ResetResult(preview.status(), Optional.empty());
        }
        AppUserRecord user = lookup.byId(preview.userId()).orElseThrow();
        Optional<String> problem = passwordPolicy.problem(newPassword, List.of(user.getEmail(), user.getFirstName(), user.getLastName()));
        if (problem.isPresent()) {
            return new ResetResult(LinkStatus.VALID, problem);
        }
        Check redeemed = scoped.asUser(user.getId(), () -> {
            Check check = tokens.redeem(token, Purpose.RESET_PASSWORD);
            if (check.status() == LinkStatus.VALID) {
                accounts.updatePasswordHash(user.getId(), passwordEncoder.encode(newPassword));
                tokens.voidAll(user.getId(), Purpose.RESET_PASSWORD);
                // The reset link proved who owns the address. A Google identity linked while the address was
                // unproven may be someone else's: it goes, and with it (below) every session it opened.
                boolean unlinkGoogle = user.getGoogleSubject() != null && !user.getEmailVerified();
                if (unlinkGoogle) {
                    accounts.unlinkGoogle(user.getId());
                }
                accounts.markEmailVerified(user.getId());
                audit.record(null, user.getId(), "account.password_reset", "user", user.getId().toString(),
                        Map.of("googleUnlinked", unlinkGoogle));
            }
            return check;
        });
        if (redeemed.status() == LinkStatus.VALID) {
            sessions.endSessions(user.getId(), null);
        }
        return new ResetResult(redeemed.status(), Optional.empty());
    }

    /** Roles as stored, for callers that build principals. */
    static EnumSet<Role> roles(AppUserRecord user) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(Role.parse(user.getRoles()));
        return roles;
    }
}
