package com.classentra.accounts;

import com.classentra.db.jooq.tables.records.AppUserRecord;
import com.classentra.platform.db.ScopedTransactions;
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
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads the person signing in by email (case-insensitively), with the workspace they act in, and stores a
 * stronger hash of their password when Spring Security finds the stored one weaker than today's parameters.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AccountLookup lookup;
    private final AccountRepository accounts;
    private final ScopedTransactions scoped;
    private final PolicyDocuments policies;

    AccountUserDetailsService(AccountLookup lookup, AccountRepository accounts, ScopedTransactions scoped, PolicyDocuments policies) {
        this.lookup = lookup;
        this.accounts = accounts;
        this.scoped = scoped;
        this.policies = policies;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        AppUserRecord user = lookup.byEmail(email).orElseThrow(() -> new UsernameNotFoundException("No account for that email"));
        if (user.getPasswordHash() == null) {
            throw new UsernameNotFoundException("This account signs in with Google");
        }
        return principalFor(user);
    }

    /** Called after a successful sign-in whose stored hash uses older or weaker parameters. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
        UUID id = ((SignedInUser) user).id();
        scoped.runAsUser(id, () -> accounts.updatePasswordHash(id, newEncodedPassword));
        return principalFor(id);
    }

    /** The principal of a signed-in person, with what they still have to do before using the product. */
    SignedInUser principalFor(UUID userId) {
        return principalFor(lookup.byId(userId).orElseThrow(() -> new UsernameNotFoundException("No such account")));
    }

    private SignedInUser principalFor(AppUserRecord user) {
        if (!AccountColumns.active(user)) {
            throw new DisabledException("This account is suspended");
        }
        EnumSet<Role> roles = AccountService.roles(user);
        // Operators are not asked for onboarding; people who teach or learn are.
        boolean member = roles.contains(Role.TEACHER) || roles.contains(Role.STUDENT);
        UUID tenant = scoped.asUser(user.getId(), () -> accounts.firstTenantOf(user.getId()).orElse(null));
        Onboarding onboarding = new Onboarding(user.getEmailVerified(),
                member ? policies.pending(user.getId(), roles).stream().map(Enum::name).collect(Collectors.toSet()) : Set.of(),
                member && user.getOnboardingDoneAt() == null);
        return new SignedInUser(user.getId(), user.getEmail(), user.getFirstName() + " " + user.getLastName(), roles, tenant,
                user.getPasswordHash(), onboarding);
    }
}
