package com.classentra.accounts.ui;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.abuse.SignUpCountryPolicy;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Asks for a reset link. The answer is the same whether or not an account exists. */
@Route(value = "forgot-password", autoLayout = false)
@PageTitle("Reset your password · Classentra")
@AnonymousAllowed
public class ForgotPasswordView extends AuthPage {

    public ForgotPasswordView(AccountService accounts, SignUpCountryPolicy countries) {
        EmailField email = new EmailField("Email");
        email.setWidthFull();
        Button send = new Button("Send reset link", e -> {
            try {
                accounts.requestPasswordReset(email.getValue(), getLocale(), Origins.current(countries));
            } catch (RateLimitedException limited) {
                email.setErrorMessage(Origins.tooMany(limited));
                email.setInvalid(true);
                return;
            }
            show("Check your inbox", "If an account exists for " + email.getValue().strip()
                    + ", we sent it a link to choose a new password. The link works for one hour.", new Anchor("login", "Back to sign-in"));
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        show("Forgot your password?", "Enter the email address of your account and we will send you a link to choose a new password.",
                email, send, new Anchor("login", "Back to sign-in"));
        email.focus();
    }
}
