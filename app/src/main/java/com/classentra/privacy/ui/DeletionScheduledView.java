package com.classentra.privacy.ui;

import com.classentra.platform.security.SignedInUser;
import com.classentra.privacy.AccountDeletions;
import com.classentra.shell.AuthPage;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.Optional;

/** What a person sees on signing in while their account waits to be deleted: keep it, or leave it to go. */
@Route(value = "account/deletion-scheduled", autoLayout = false)
@PageTitle("Account deletion · Classentra")
@PermitAll
public class DeletionScheduledView extends AuthPage implements BeforeEnterObserver {

    private final transient AccountDeletions deletions;
    private final transient AuthenticationContext authentication;

    public DeletionScheduledView(AccountDeletions deletions, AuthenticationContext authentication) {
        this.deletions = deletions;
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        Optional<Instant> scheduled = deletions.scheduled(user);
        if (scheduled.isEmpty()) {
            event.forwardTo("");
            return;
        }
        Button keep = new Button("Keep my account", e -> {
            deletions.cancel(user);
            VaadinSession.getCurrent().setAttribute(DeletionGate.SCHEDULED, null);
            Notification.show("Your account stays. We sent you an email to confirm.");
            getUI().ifPresent(ui -> ui.navigate(""));
        });
        keep.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button signOut = new Button("Sign out", e -> authentication.logout());
        show("Your account will be deleted on " + ClientTime.format(scheduled.get()),
                "You asked for it to be deleted, with your work, grades and files. Until then you can still keep it; after that it cannot be undone.",
                new HorizontalLayout(keep, signOut));
    }
}
