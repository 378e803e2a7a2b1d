package com.classentra.privacy;

import com.classentra.accounts.Reauthentication;
import com.classentra.db.jooq.tables.records.AccountDeletionRecord;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.EnumColumn;
import com.classentra.platform.db.ScopedTransactions;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.security.SessionDirectory;
import com.classentra.platform.security.SignedInUser;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * "Delete Account" (privacy policy, "Your Rights"): the person proves it is them and types DELETE; every session ends;
 * for 7 days signing in offers to keep the account; then the pipeline (AccountDeletionPipeline) erases it, well
 * within the policy's 30 days. Each turn is emailed.
 */
@Service
public class AccountDeletions {

    /** The cool-off: how long a request waits, so a person (or someone who took over their session) can take it back. */
    public static final Duration COOL_OFF = Duration.ofDays(7);
    /** What the person types to confirm. */
    public static final String CONFIRMATION = "DELETE";
    /** How recent a sign-in must be for an account without a password (Google) to count as proving it is them. */
    public static final Duration FRESH_SIGN_IN = Duration.ofMinutes(10);

    private final AccountDeletionRepository deletions;
    private final ScopedTransactions scoped;
    private final Reauthentication reauthentication;
    private final SessionDirectory sessions;
    private final EmailOutbox outbox;
    private final AuditLog audit;

    AccountDeletions(AccountDeletionRepository deletions, ScopedTransactions scoped, Reauthentication reauthentication, SessionDirectory sessions,
            EmailOutbox outbox, AuditLog audit) {
        this.deletions = deletions;
        this.scoped = scoped;
        this.reauthentication = reauthentication;
        this.sessions = sessions;
        this.outbox = outbox;
        this.audit = audit;
    }

    public enum Refusal { WRONG_PASSWORD, SIGN_IN_AGAIN, NOT_CONFIRMED }

    /** The request's outcome: scheduled for {@code runsAfter}, or refused and why. */
    public record Request(Refusal refusal, Instant runsAfter) {
    }

    public boolean needsPassword(SignedInUser user) {
        return reauthentication.hasPassword(user.id());
    }

    /**
     * Schedules the deletion after the cool-off and ends every session of the person, the current one included.
     *
     * @param password   the account's password, when it has one
     * @param signedInAt when the current session signed in (an account without a password must have signed in just now)
     */
    public Request request(SignedInUser user, String password, String typed, Instant signedInAt) {
        if (!CONFIRMATION.equals(typed == null ? "" : typed.strip())) {
            return new Request(Refusal.NOT_CONFIRMED, null);
        }
        boolean hasPassword = reauthentication.hasPassword(user.id());
        if (hasPassword ? !reauthentication.passwordMatches(user.id(), password)
                : signedInAt == null || signedInAt.isBefore(Instant.now().minus(FRESH_SIGN_IN))) {
            return new Request(hasPassword ? Refusal.WRONG_PASSWORD : Refusal.SIGN_IN_AGAIN, null);
        }
        AccountDeletionRecord request = scoped.asUser(user.id(), () -> deletions.open(user.id()).orElseGet(() -> {
            AccountDeletionRecord created = deletions.insert(user.id(), OffsetDateTime.now(ZoneOffset.UTC).plus(COOL_OFF));
            outbox.enqueue(new EmailRequest(null, user.id(), user.email(), user.displayName(), "account-deletion-requested", null,
                    Map.of("name", user.displayName(), "days", String.valueOf(COOL_OFF.toDays()))));
            audit.record(null, user.id(), "privacy.deletion_requested", "account_deletion", created.getId().toString(), Map.of());
            return created;
        }));
        sessions.endSessions(user.id(), null);
        return new Request(null, request.getRunsAfter().toInstant());
    }

    /** When the person's account will be deleted, while it can still be taken back. */
    public Optional<Instant> scheduled(SignedInUser user) {
        return scoped.asUser(user.id(), () -> deletions.open(user.id()))
                .filter(request -> EnumColumn.get(request, PrivacyColumns.DELETION_STATUS) == DeletionStatus.REQUESTED)
                .map(request -> request.getRunsAfter().toInstant());
    }

    /** Keeps the account; false when there was nothing to take back (already running or done). */
    public boolean cancel(SignedInUser user) {
        return scoped.asUser(user.id(), () -> {
            boolean cancelled = deletions.cancel(user.id());
            if (cancelled) {
                outbox.enqueue(new EmailRequest(null, user.id(), user.email(), user.displayName(), "account-deletion-cancelled", null,
                        Map.of("name", user.displayName())));
                audit.record(null, user.id(), "privacy.deletion_cancelled", "app_user", user.id().toString(), Map.of());
            }
            return cancelled;
        });
    }
}
