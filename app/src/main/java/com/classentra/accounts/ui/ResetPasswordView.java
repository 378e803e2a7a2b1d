package com.classentra.accounts.ui;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.AccountService.ResetResult;
import com.classentra.accounts.LinkStatus;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The page behind a password reset link: a new password, or why the link cannot be used. */
@Route(value = "reset-password", autoLayout = false)
@PageTitle("Choose a new password · Classentra")
@AnonymousAllowed
public class ResetPasswordView extends AuthPage implements BeforeEnterObserver {

    private final transient AccountService accounts;
    private String token;

    public ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse(null);
        if (!explainUnusable(accounts.checkResetLink(token))) {
            showForm();
        }
    }

    private void showForm() {
        PasswordField password = new PasswordField("New password");
        password.setHelperText("At least 12 characters. A few unrelated words work well.");
        password.setRevealButtonVisible(true);
        password.setWidthFull();
        PasswordField repeat = new PasswordField("Repeat the new password");
        repeat.setWidthFull();
        Button save = new Button("Save and sign out everywhere", e -> {
            password.setInvalid(false);
            repeat.setInvalid(false);
            if (!password.getValue().equals(repeat.getValue())) {
                invalid(repeat, "The two passwords differ");
                return;
            }
            ResetResult result = accounts.resetPassword(token, password.getValue());
            if (result.passwordProblem().isPresent()) {
                invalid(password, result.passwordProblem().get());
            } else if (!explainUnusable(result.link())) {
                getUI().ifPresent(ui -> ui.navigate("login", QueryParameters.of("password-reset", "")));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        show("Choose a new password", "Saving it signs you out on every device.", password, repeat, save);
        password.focus();
    }

    /** Shows why the link cannot be used; false when it can. */
    private boolean explainUnusable(LinkStatus status) {
        Anchor again = new Anchor("forgot-password", "Ask for a new link");
        switch (status) {
            case VALID -> {
                return false;
            }
            case EXPIRED -> show("This link has expired", "Reset links work for one hour.", again);
            case USED -> show("This link was already used", "Each reset link works once.", again);
            case INVALID -> show("This link is not valid", "It may have been copied incompletely or changed.", again);
        }
        return true;
    }
}
