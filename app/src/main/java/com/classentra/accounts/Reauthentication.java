package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;

import com.classentra.platform.db.ScopedTransactions;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Asks a signed-in person to prove it is them again before something that cannot be undone (deleting the account). */
@Service
public class Reauthentication {

    private final DSLContext db;
    private final ScopedTransactions scoped;
    private final PasswordEncoder passwords;

    Reauthentication(DSLContext db, ScopedTransactions scoped, PasswordEncoder passwords) {
        this.db = db;
        this.scoped = scoped;
        this.passwords = passwords;
    }

    /** Whether the account has a password; one that signs in only with Google proves itself by a fresh sign-in. */
    public boolean hasPassword(UUID userId) {
        return storedHash(userId).isPresent();
    }

    public boolean passwordMatches(UUID userId, String password) {
        return password != null && !password.isEmpty() && storedHash(userId).map(hash -> passwords.matches(password, hash)).orElse(false);
    }

    private Optional<String> storedHash(UUID userId) {
        return scoped.asUser(userId, () -> db.select(APP_USER.PASSWORD_HASH).from(APP_USER).where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.PASSWORD_HASH));
    }
}
