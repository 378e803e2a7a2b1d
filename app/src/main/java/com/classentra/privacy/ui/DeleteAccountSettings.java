package com.classentra.privacy.ui;

import com.classentra.platform.security.SessionDirectory;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.privacy.AccountDeletions;
import com.classentra.privacy.AccountDeletions.Request;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Instant;

/**
 * Deleting the account: what goes and what stays, then a dialog that asks for the password (or a fresh sign-in) and
 * for DELETE typed out. The request signs the person out everywhere; signing in during the cool-off offers to keep it.
 */
class DeleteAccountSettings extends Section {

    private final transient AccountDeletions deletions;
    private final transient AuthenticationContext authentication;
    private final SignedInUser user;

    DeleteAccountSettings(AccountDeletions deletions, AuthenticationContext authentication, SignedInUser user) {
        this.deletions = deletions;
        this.authentication = authentication;
        this.user = user;
        addClassNames("settings-section", "danger-zone");
        UnorderedList consequences = new UnorderedList(
                new ListItem("Your profile, your work, grades, attendance, calendar, notifications, files and exports are deleted "
                        + AccountDeletions.COOL_OFF.toDays() + " days after you ask. Until then, signing in lets you keep your account."),
                new ListItem("Evidence of the policies you accepted is kept for 24 months without your name, as the privacy policy says; "
                        + "the audit log keeps what was done, without saying it was you."));
        if (user.has(Role.TEACHER)) {
            consequences.add(new ListItem("The courses of your own workspace are deleted with everything in them, and their students are told. "
                    + "Courses of an organization's workspace stay with the organization."));
        }
        Button delete = new Button("Delete my account…", e -> confirm());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(new H2("Delete account"), new Paragraph("If you want a copy of your data, download it first (Your data, above)."), consequences, delete);
    }

    private void confirm() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Delete your account?");
        boolean password = deletions.needsPassword(user);
        PasswordField current = new PasswordField("Your password");
        current.setWidthFull();
        TextField typed = new TextField("Type " + AccountDeletions.CONFIRMATION + " to confirm");
        typed.setWidthFull();
        dialog.add(new Paragraph("Your account will be deleted in " + AccountDeletions.COOL_OFF.toDays()
                + " days, and you will be signed out on every device now."));
        if (password) {
            dialog.add(current);
        } else {
            dialog.add(new Paragraph("You sign in with Google: if you signed in more than " + AccountDeletions.FRESH_SIGN_IN.toMinutes()
                    + " minutes ago, sign out and in again first."));
        }
        dialog.add(typed);
        Button confirm = new Button("Delete my account", e -> {
            Request request = deletions.request(user, current.getValue(), typed.getValue(), signedInAt());
            if (request.refusal() == null) {
                dialog.close();
                authentication.logout();
                return;
            }
            switch (request.refusal()) {
                case NOT_CONFIRMED -> invalid(typed, "Type " + AccountDeletions.CONFIRMATION + " in capital letters to confirm.");
                case WRONG_PASSWORD -> invalid(current, "That is not your password.");
                case SIGN_IN_AGAIN -> invalid(typed, "For your safety, sign out and sign in again, then delete your account within "
                        + AccountDeletions.FRESH_SIGN_IN.toMinutes() + " minutes.");
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.setWidth("min(32rem, 95vw)");
        dialog.open();
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static Instant signedInAt() {
        return SessionDirectory.signedInAt(((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession());
    }
}
