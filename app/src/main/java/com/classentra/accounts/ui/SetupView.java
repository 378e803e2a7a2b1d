package com.classentra.accounts.ui;

import com.classentra.accounts.FirstRunSetup;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;

/** The page behind the first-run link: creates the first administrator, then the link is void. */
@Route(value = "setup", autoLayout = false)
@PageTitle("Set up Classentra")
@AnonymousAllowed
public class SetupView extends AuthPage implements BeforeEnterObserver {

    private final transient FirstRunSetup setup;
    private final TextField firstName = new TextField("First name");
    private final TextField lastName = new TextField("Last name");
    private final EmailField email = new EmailField("Email");
    private final PasswordField password = new PasswordField("Password");
    private final PasswordField confirmation = new PasswordField("Repeat password");
    private String token;

    public SetupView(FirstRunSetup setup) {
        this.setup = setup;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse(null);
        if (!setup.accepts(token)) {
            show("This setup link is not valid", "It has been used already, or it belongs to an earlier start of the server. "
                    + "If an administrator exists, sign in instead.", new Button("Go to sign-in", e -> getUI().ifPresent(ui -> ui.navigate("login"))));
            return;
        }
        showForm();
    }

    private void showForm() {
        password.setHelperText("At least 12 characters. A few unrelated words work well.");
        password.setRevealButtonVisible(true);
        Button create = new Button("Create administrator", e -> submit());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        FormLayout form = new FormLayout(firstName, lastName, email, password, confirmation);
        form.setColspan(email, 2);
        show("Welcome to Classentra", "Create the administrator account. This page works once; after that, sign in as usual.", form, create);
        firstName.focus();
    }

    private void submit() {
        for (HasValidation field : new HasValidation[] {firstName, lastName, email, password, confirmation}) {
            field.setInvalid(false);
        }
        if (!password.getValue().equals(confirmation.getValue())) {
            invalid(confirmation, "The two passwords differ");
            return;
        }
        Map<String, String> problems = setup.createAdministrator(token, firstName.getValue(), lastName.getValue(), email.getValue(), password.getValue());
        if (problems.isEmpty()) {
            getUI().ifPresent(ui -> ui.navigate("login", com.vaadin.flow.router.QueryParameters.of("setup-done", "")));
            return;
        }
        problems.forEach((field, message) -> {
            switch (field) {
                case "firstName" -> invalid(firstName, message);
                case "lastName" -> invalid(lastName, message);
                case "email" -> invalid(email, message);
                case "password" -> invalid(password, message);
                default -> show("This setup link is not valid", message);
            }
        });
    }
}
