package com.classentra.accounts;

import com.classentra.platform.security.SignedInUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Service;

/**
 * The principal a person would have if they signed in now (roles, workspace), for work done on their behalf
 * without a session, such as serving their calendar feed to a calendar app.
 */
@Service
public class AccountPrincipals {

    private final AccountUserDetailsService users;

    AccountPrincipals(AccountUserDetailsService users) {
        this.users = users;
    }

    /** Empty for an unknown or suspended account, which must get nothing. */
    public Optional<SignedInUser> activeAccount(UUID userId) {
        try {
            return Optional.of(users.principalFor(userId));
        } catch (AuthenticationException unknownOrSuspended) {
            return Optional.empty();
        }
    }
}
