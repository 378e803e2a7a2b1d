package com.classentra.privacy.ui;

import com.classentra.platform.security.SignedInUser;
import com.classentra.privacy.AccountDeletions;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * While a person's account waits to be deleted, every page of the product leads to the question "keep it?": asking
 * for the deletion signed them out everywhere, so this is what signing in shows. Public pages (legal texts, sign-in)
 * stay open. Whether a deletion is scheduled is read once per session and remembered.
 */
@Component
class DeletionGate implements VaadinServiceInitListener {

    static final String SCHEDULED = "classentra.deletion.scheduled";

    private final AccountDeletions deletions;
    private final AuthenticationContext authentication;

    DeletionGate(AccountDeletions deletions, AuthenticationContext authentication) {
        this.deletions = deletions;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target.equals(DeletionScheduledView.class) || target.isAnnotationPresent(AnonymousAllowed.class)) {
            return;
        }
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElse(null);
        if (user == null) {
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        Object scheduled = session.getAttribute(SCHEDULED);
        if (scheduled == null) {
            scheduled = deletions.scheduled(user).<Object>map(at -> at).orElse(Boolean.FALSE);
            session.setAttribute(SCHEDULED, scheduled);
        }
        if (scheduled instanceof Instant) {
            event.forwardTo(DeletionScheduledView.class);
        }
    }
}
