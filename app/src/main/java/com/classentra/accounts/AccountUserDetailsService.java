package com.classentra.accounts;

import com.classentra.db.jooq.tables.records.AppUserRecord;
import com.classentra.platform.db.DbScope;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Onboarding;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.legal.PolicyDocuments;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.DisabledException;
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
    private final PolicyDocuments policies;

    AccountUserDetailsService(AccountRepository accounts, TransactionTemplate transactions, PolicyDocuments policies) {
        this.accounts = accounts;
        this.transactions = transactions;
        this.policies = policies;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        AppUserRecord user = accounts.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("No account for that email"));
        if (user.getPasswordHash() == null) {
            throw new UsernameNotFoundException("This account signs in with Google");
        }
        return principalFor(user);
    }

    /** The principal of a signed-in person, with what they still have to do before using the product. */
    SignedInUser principalFor(UUID userId) {
        return principalFor(accounts.findById(userId).orElseThrow(() -> new UsernameNotFoundException("No such account")));
    }

    private SignedInUser principalFor(AppUserRecord user) {
        if (!"ACTIVE".equals(user.getStatus())) {
            throw new DisabledException("This account is suspended");
        }
        UUID tenant = DbScope.user(user.getId()).supply(() -> transactions.execute(status -> accounts.firstTenantOf(user.getId()).orElse(null)));
        EnumSet<Role> roles = AccountService.roles(user);
        // Operators are not asked for onboarding; people who teach or learn are.
        boolean member = roles.contains(Role.TEACHER) || roles.contains(Role.STUDENT);
        Onboarding onboarding = new Onboarding(user.getEmailVerified(),
                member ? policies.pending(user.getId(), roles).stream().map(Enum::name).collect(Collectors.toSet()) : Set.of(),
                member && user.getOnboardingDoneAt() == null);
        return new SignedInUser(user.getId(), user.getEmail(), user.getFirstName() + " " + user.getLastName(), roles, tenant,
                user.getPasswordHash(), onboarding);
    }
}
