package com.classentra.platform.security;

import com.classentra.platform.db.CurrentScopeResolver;
import com.classentra.platform.db.DbScope;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Gives a transaction without an explicit scope the tenant and user of whoever is signed in. */
@Component
class SignedInScopeResolver implements CurrentScopeResolver {

    @Override
    public Optional<DbScope> fromSignedInUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(DbScope.tenant(user.tenantId(), user.id()));
        }
        return Optional.empty();
    }
}
