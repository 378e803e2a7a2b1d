package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.ACCOUNT_TOKEN;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.db.jooq.Routines;
import com.classentra.db.jooq.tables.records.AccountTokenRecord;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.secrets.LinkSigner;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use, expiring tokens for links sent by email. A token is {@code purpose.id.expiry} signed with
 * {@link LinkSigner}; the database row (id only) makes it single-use. Tampered, expired and reused
 * tokens are told apart so the page can say which.
 */
@Component
class AccountTokens {

    private final DSLContext db;
    private final LinkSigner signer;
    private final ClassentraProperties properties;

    AccountTokens(DSLContext db, LinkSigner signer, ClassentraProperties properties) {
        this.db = db;
        this.signer = signer;
        this.properties = properties;
    }

    enum Purpose {
        VERIFY_EMAIL(Duration.ofHours(48)), RESET_PASSWORD(Duration.ofHours(1)), SIGN_IN(Duration.ofMinutes(15)), CHANGE_EMAIL(Duration.ofHours(48));

        final Duration validity;

        Purpose(Duration validity) {
            this.validity = validity;
        }
    }

    /** What a token turned out to be; the user id is known for every status but INVALID. */
    record Check(LinkStatus status, UUID userId) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String issue(UUID userId, Purpose purpose) {
        UUID id = UUID.randomUUID();
        Instant expires = Instant.now().plus(purpose.validity);
        db.insertInto(ACCOUNT_TOKEN)
                .set(ACCOUNT_TOKEN.ID, id)
                .set(ACCOUNT_TOKEN.USER_ID, userId)
                .set(AccountColumns.TOKEN_PURPOSE, purpose)
                .set(ACCOUNT_TOKEN.EXPIRES_AT, OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
                .execute();
        return signer.sign(purpose.name() + "." + id + "." + expires.getEpochSecond());
    }

    /** The address to put in an email: the page at {@code path} on the public URL, with the token. */
    String link(String path, String token) {
        return properties.publicUrl() + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Looks at a token without using it up (to decide whether to show the form behind the link). */
    @Transactional(propagation = Propagation.MANDATORY)
    Check inspect(String token, Purpose purpose) {
        return find(token, purpose).map(AccountTokens::statusOf).orElse(new Check(LinkStatus.INVALID, null));
    }

    /** Uses the token up when it is valid; a concurrent second use finds it used. */
    @Transactional(propagation = Propagation.MANDATORY)
    Check redeem(String token, Purpose purpose) {
        Optional<AccountTokenRecord> row = find(token, purpose);
        if (row.isEmpty()) {
            return new Check(LinkStatus.INVALID, null);
        }
        Check check = statusOf(row.get());
        if (check.status() != LinkStatus.VALID) {
            return check;
        }
        int used = db.update(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.USED_AT, currentOffsetDateTime())
                .where(ACCOUNT_TOKEN.ID.eq(row.get().getId()).and(ACCOUNT_TOKEN.USED_AT.isNull()))
                .execute();
        return used == 1 ? check : new Check(LinkStatus.USED, check.userId());
    }

    /** Voids every unused token of the user for the purpose (after a password reset, all other reset links). */
    @Transactional(propagation = Propagation.MANDATORY)
    void voidAll(UUID userId, Purpose purpose) {
        db.update(ACCOUNT_TOKEN).set(ACCOUNT_TOKEN.USED_AT, currentOffsetDateTime())
                .where(ACCOUNT_TOKEN.USER_ID.eq(userId).and(AccountColumns.TOKEN_PURPOSE.eq(purpose)).and(ACCOUNT_TOKEN.USED_AT.isNull()))
                .execute();
    }

    /**
     * Whose link this is, for a correctly signed token of the purpose: found through the SECURITY DEFINER lookup,
     * so it works before anyone is signed in. The token's row is then read and used up in the owner's scope.
     */
    Optional<UUID> ownerOf(String token, Purpose purpose) {
        return tokenId(token, purpose).map(id -> db.select(Routines.accountTokenOwner(id, purpose.name())).fetchOne(0, UUID.class));
    }

    private Optional<AccountTokenRecord> find(String token, Purpose purpose) {
        return tokenId(token, purpose).flatMap(id ->
                db.selectFrom(ACCOUNT_TOKEN).where(ACCOUNT_TOKEN.ID.eq(id).and(AccountColumns.TOKEN_PURPOSE.eq(purpose))).fetchOptional());
    }

    private Optional<UUID> tokenId(String token, Purpose purpose) {
        Optional<String[]> parts = signer.verify(token).map(payload -> payload.split("\\."));
        if (parts.isEmpty() || parts.get().length != 3 || !parts.get()[0].equals(purpose.name())) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(parts.get()[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Check statusOf(AccountTokenRecord row) {
        if (row.getUsedAt() != null) {
            return new Check(LinkStatus.USED, row.getUserId());
        }
        if (row.getExpiresAt().isBefore(OffsetDateTime.now())) {
            return new Check(LinkStatus.EXPIRED, row.getUserId());
        }
        return new Check(LinkStatus.VALID, row.getUserId());
    }
}
