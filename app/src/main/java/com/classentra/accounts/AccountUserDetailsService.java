package com.classentra.accounts;

import com.classentra.db.jooq.tables.records.AppUserRecord;
import com.classentra.platform.db.DbScope;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the person signing in by email (case-insensitively), with the workspace they act in. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final TransactionTemplate transactions;

    AccountUserDetailsService(AccountRepository accounts, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        AppUserRecord user = accounts.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("No account for that email"));
        if (user.getPasswordHash() == null) {
            throw new UsernameNotFoundException("This account signs in with Google");
        }
        UUID tenant = DbScope.user(user.getId()).supply(() -> transactions.execute(status -> accounts.firstTenantOf(user.getId()).orElse(null)));
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(Role.parse(user.getRoles()));
        return new SignedInUser(user.getId(), user.getEmail(), user.getFirstName() + " " + user.getLastName(), roles, tenant, user.getPasswordHash());
    }
}
