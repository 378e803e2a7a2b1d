package com.classentra.accounts.ui;

import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Onboarding;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The signed-in person of the current Vaadin request, and updates to what their session knows of them (their
 * onboarding: a verified email, accepted documents, a finished survey; their name) without signing in again.
 */
final class SignedInSession {

    private SignedInSession() {
    }

    static Optional<SignedInUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? Optional.of(user) : Optional.empty();
    }

    static void updateOnboarding(UnaryOperator<Onboarding> change) {
        update(user -> user.with(change.apply(user.onboarding())));
    }

    /** Replaces what the session knows of the person (their name after a profile change) for this and later requests. */
    static void update(UnaryOperator<SignedInUser> change) {
        current().ifPresent(user -> {
            SignedInUser updated = change.apply(user);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
            SecurityContextHolder.setContext(context);
            VaadinServletRequest request = VaadinServletRequest.getCurrent();
            VaadinServletResponse response = VaadinServletResponse.getCurrent();
            if (request != null && response != null) {
                new HttpSessionSecurityContextRepository().saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
            }
        });
    }
}
