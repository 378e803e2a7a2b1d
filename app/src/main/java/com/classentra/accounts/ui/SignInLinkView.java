package com.classentra.accounts.ui;

import com.classentra.accounts.SignInLinks;
import com.classentra.accounts.abuse.SignUpCountryPolicy;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * "Email me a sign-in link": for a forgotten password, or while password sign-in is throttled for the email. The
 * answer is the same whether or not an account exists.
 */
@Route(value = "sign-in-link", autoLayout = false)
@PageTitle("Sign in with a link · Classentra")
@AnonymousAllowed
public class SignInLinkView extends AuthPage implements BeforeEnterObserver {

    private final transient SignInLinks links;
    private final transient SignUpCountryPolicy countries;

    public SignInLinkView(SignInLinks links, SignUpCountryPolicy countries) {
        this.links = links;
        this.countries = countries;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        EmailField email = new EmailField("Email");
        email.setWidthFull();
        Button send = new Button("Email me a sign-in link", e -> {
            try {
                links.request(email.getValue(), getLocale(), Origins.current(countries));
            } catch (RateLimitedException limited) {
                invalid(email, Origins.tooMany(limited));
                return;
            }
            show("Check your inbox", "If an account exists for " + email.getValue().strip()
                    + ", we sent it a link that signs you in. The link works once, for 15 minutes.", new Anchor("login", "Back to sign-in"));
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        show("Sign in with a link", "Enter the email address of your account and we will send you a link that signs you in, "
                + "no password needed. It works even while sign-in with the password is paused after too many attempts.",
                email, send, new Anchor("login", "Back to sign-in"));
        if (event.getLocation().getQueryParameters().getParameters().containsKey("link-failed")) {
            Paragraph notice = new Paragraph("That link did not sign you in: it was used or expired meanwhile. Ask for a new one below.");
            notice.addClassName("auth-notice");
            addComponentAsFirst(notice);
        }
        email.focus();
    }
}
