package com.classentra.accounts;

import com.classentra.db.jooq.tables.records.AppUserRecord;
import com.classentra.platform.db.ScopedTransactions;
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

    AccountLookup(AccountRepository accounts, ScopedTransactions scoped) {
        this.accounts = accounts;
        this.scoped = scoped;
    }

    Optional<AppUserRecord> byEmail(String email) {
        return accounts.idForEmail(email).flatMap(this::byId);
    }

    Optional<AppUserRecord> byGoogleSubject(String subject) {
        return accounts.idForGoogleSubject(subject).flatMap(this::byId);
    }

    Optional<AppUserRecord> byId(UUID id) {
        return scoped.asUser(id, () -> accounts.findById(id));
    }
}
