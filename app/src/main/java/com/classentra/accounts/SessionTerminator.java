package com.classentra.accounts;

import com.classentra.platform.security.SignedInUser;
import java.util.UUID;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends a person's sessions (after a password reset, on suspension, on "sign out everywhere"). The
 * sessions are found in Spring Security's session registry; an expired session is refused at its next
 * request. The registry lives in this node's memory: with several nodes, each ends the sessions it holds
 * (docs/operations.md).
 */
@Component
class SessionTerminator {

    private final SessionRegistry registry;

    SessionTerminator(SessionRegistry registry) {
        this.registry = registry;
    }

    /** @return how many sessions were ended */
    int endAllSessionsOf(UUID userId) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof SignedInUser user && userId.equals(user.id())) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }
}
