package com.classentra.accounts.ui;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.abuse.SignUpCountryPolicy;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** What a signed-in person with an unconfirmed email sees, wherever they go. */
@Route(value = "confirm-email", autoLayout = false)
@PageTitle("Confirm your email · Classentra")
@PermitAll
public class ConfirmEmailView extends AuthPage {

    public ConfirmEmailView(AccountService accounts, AuthenticationContext authentication, SignUpCountryPolicy countries) {
        var user = SignedInSession.current().orElseThrow();
        Button resend = new Button("Send the link again", e -> {
            try {
                accounts.resendVerification(user.id(), Origins.current(countries));
                Notification.show("A new link is on its way to " + user.email() + ".", 5000, Notification.Position.BOTTOM_CENTER);
            } catch (RateLimitedException limited) {
                Notification.show(Origins.tooMany(limited), 5000, Notification.Position.BOTTOM_CENTER);
            }
        });
        resend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button signOut = new Button("Sign out", e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        show("Confirm your email address", "We sent a link to " + user.email() + ". Open it to start using Classentra. "
                + "Check your spam folder if it has not arrived after a few minutes.", resend, signOut);
    }
}
