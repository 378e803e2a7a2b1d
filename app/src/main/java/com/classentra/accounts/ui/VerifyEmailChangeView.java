package com.classentra.accounts.ui;

import com.classentra.accounts.Profiles;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The link sent to a new email address. Opening it only asks: a mail scanner that follows links must not change
 * anyone's address. The button confirms it.
 */
@Route(value = "verify-email-change", autoLayout = false)
@PageTitle("New email address · Classentra")
@AnonymousAllowed
public class VerifyEmailChangeView extends AuthPage implements BeforeEnterObserver {

    private final transient Profiles profiles;

    public VerifyEmailChangeView(Profiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse(null);
        Button confirm = new Button("Use this address", e -> confirm(token));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        show("Use this address for Classentra?", "From now on you will sign in with the address this email came to, and we will write to it.", confirm);
    }

    private void confirm(String token) {
        Button next = new Button("Go to Classentra", e -> getUI().ifPresent(ui -> ui.navigate("")));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        switch (profiles.confirmEmailChange(token)) {
            case CHANGED -> show("Your email address is changed", "Sign in with it from now on. We told your old address.", next);
            case EXPIRED -> show("This link has expired", "Links to confirm an address work for 48 hours. Ask for a new one in Settings.", next);
            case TAKEN -> show("This address is taken", "Another account signed up with it meanwhile. Choose another address in Settings.", next);
            case INVALID -> show("This link is not valid", "It may have been used already, or copied incompletely. Ask for a new one in Settings.", next);
        }
    }
}
