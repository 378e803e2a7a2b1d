package com.classentra.platform.security;

import static com.classentra.db.jooq.Tables.SESSION_REVOCATION;

import com.classentra.platform.db.ScopedTransactions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per person, the moment before which every session is void. Shared through PostgreSQL so every node
 * honours it; each node re-reads a person's entry at most every few seconds.
 */
@Component
class SessionRevocations {

    private final DSLContext db;
    private final ScopedTransactions scoped;
    private final Duration recheck;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    SessionRevocations(DSLContext db, ScopedTransactions scoped, @Value("${classentra.sessions.revocation-recheck:2s}") Duration recheck) {
        this.db = db;
        this.scoped = scoped;
        this.recheck = recheck;
    }

    private record Cached(Instant revokedBefore, Instant readAt) {
    }

    void revoke(UUID userId, Instant requested) {
        // PostgreSQL keeps microseconds and rounds, possibly upwards: truncated, the stored moment is never after the
        // caller's, so the session it keeps (marked with the caller's instant) is not void once another read comes back.
        Instant before = requested.truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = OffsetDateTime.ofInstant(before, ZoneOffset.UTC);
        // The person's own row, written in their scope whoever ends their sessions (themself, a reset, an operator).
        scoped.runAsUser(userId, () -> db.insertInto(SESSION_REVOCATION).set(SESSION_REVOCATION.USER_ID, userId)
                .set(SESSION_REVOCATION.REVOKED_BEFORE, at)
                .onConflict(SESSION_REVOCATION.USER_ID).doUpdate().set(SESSION_REVOCATION.REVOKED_BEFORE, at)
                .execute());
        cache.put(userId, new Cached(before, Instant.now()));
    }

    /** Sessions that signed in before this instant are void; {@link Instant#MIN} when none was revoked. */
    Instant revokedBefore(UUID userId) {
        Cached cached = cache.get(userId);
        if (cached != null && cached.readAt().plus(recheck).isAfter(Instant.now())) {
            return cached.revokedBefore();
        }
        Instant stored = scoped.asUser(userId, () -> db.select(SESSION_REVOCATION.REVOKED_BEFORE).from(SESSION_REVOCATION)
                .where(SESSION_REVOCATION.USER_ID.eq(userId))
                .fetchOptional(SESSION_REVOCATION.REVOKED_BEFORE)
                .map(OffsetDateTime::toInstant).orElse(Instant.MIN));
        cache.put(userId, new Cached(stored, Instant.now()));
        return stored;
    }
}
