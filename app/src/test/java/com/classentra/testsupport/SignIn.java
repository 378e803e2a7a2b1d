package com.classentra.testsupport;

import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Puts a signed-in person into the security context, as the sign-in form would, for view tests. */
public final class SignIn {

    private SignIn() {
    }

    public static SignedInUser as(UUID userId, UUID tenantId, Role... roles) {
        return as(new SignedInUser(userId, "person@example.com", "Test Person", Set.of(roles), tenantId, null));
    }

    public static SignedInUser as(SignedInUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        return user;
    }
}
