package com.classentra.accounts.ui;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.AgeGroup;
import com.classentra.accounts.SignUpAge;
import com.classentra.accounts.SignInOptions;
import com.classentra.accounts.SignUpForm;
import com.classentra.accounts.abuse.SignUpCountryPolicy;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;

/** Create an account as a teacher (with a workspace) or a student. */
@Route(value = "signup", autoLayout = false)
@PageTitle("Create your account · Classentra")
@AnonymousAllowed
public class SignUpView extends AuthPage {

    static final String TEACHER = "I teach";
    static final String STUDENT = "I learn";

    private final transient AccountService accounts;
    private final transient SignUpCountryPolicy countries;
    private final RadioButtonGroup<String> role = new RadioButtonGroup<>("I am joining to");
    private final TextField firstName = new TextField("First name");
    private final TextField lastName = new TextField("Last name");
    private final TextField title = new TextField("Title (optional)");
    private final EmailField email = new EmailField("Email");
    private final PasswordField password = new PasswordField("Password");
    private final RadioButtonGroup<AgeGroup> age = new RadioButtonGroup<>("Your age");
    private final Checkbox policies = new Checkbox();
    private final Span policiesError = new Span();
    private final Span policiesText = new Span();

    public SignUpView(AccountService accounts, SignInOptions options, SignUpCountryPolicy countries) {
        this.accounts = accounts;
        this.countries = countries;
        role.setItems(TEACHER, STUDENT);
        role.setValue(TEACHER);
        role.addValueChangeListener(e -> roleChanged());
        title.setPlaceholder("Dr., Prof., Mx. ...");
        title.setMaxLength(100);
        firstName.setMaxLength(100);
        lastName.setMaxLength(100);
        password.setHelperText("At least 12 characters. A few unrelated words work well; no symbols required.");
        password.setRevealButtonVisible(true);
        policiesError.addClassName("field-error");
        policiesError.setVisible(false);
        policies.setLabelComponent(policiesText);
        age.setItems(AgeGroup.values());
        age.setItemLabelGenerator(AgeGroup::label);
        age.setRequiredIndicatorVisible(true);
        age.setHelperText("Asked to keep to the law on children's data; it is not stored.");
        age.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                ageRefusal(e.getValue());
            }
        });

        Button create = new Button("Create account", e -> submit());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        FormLayout form = new FormLayout(firstName, lastName, title, email, password, age);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        show("Create your Classentra account", "Run your own live classes, or join the ones you are invited to.",
                role, form, policies, policiesError, create);
        if (options.google()) {
            // The documents are accepted on the next page for Google sign-ups (the onboarding gate asks).
            Anchor google = new Anchor("signup/google?role=teacher", "Sign up with Google");
            google.setRouterIgnore(true);
            google.addClassName("google-button");
            // The age goes along: Google's answer creates the account, so the server checks it there (GoogleSignUpController).
            Runnable href = () -> google.setHref("signup/google?role=" + (TEACHER.equals(role.getValue()) ? "teacher" : "student")
                    + (age.getValue() == null ? "" : "&age=" + age.getValue().name()));
            role.addValueChangeListener(e -> href.run());
            age.addValueChangeListener(e -> {
                href.run();
                google.setEnabled(e.getValue() != null && ageRefusal(e.getValue()).isEmpty());
            });
            google.setEnabled(false);
            google.getElement().setAttribute("title", "Choose your age group first");
            add(google);
        }
        add(new Paragraph(new Span("Already have an account? "), new Anchor("login", "Sign in")));
        roleChanged();
        firstName.focus();
    }

    /** Said as soon as the age is chosen, so nobody fills in the rest (or goes to Google) for nothing. */
    private java.util.Optional<String> ageRefusal(AgeGroup group) {
        java.util.Optional<String> refusal = SignUpAge.refusal(group, Origins.current(countries).country());
        refusal.ifPresentOrElse(message -> {
            age.setErrorMessage(message);
            age.setInvalid(true);
        }, () -> age.setInvalid(false));
        return refusal;
    }

    private void roleChanged() {
        boolean teacher = TEACHER.equals(role.getValue());
        title.setVisible(teacher);
        policiesText.removeAll();
        policiesText.add(new Span("I accept the "), legal("terms", "Terms of Service"), new Span(", the "),
                legal("privacy", "Privacy Policy"), new Span(teacher ? ", the " : " and the "),
                legal("community-guidelines", "Community Guidelines"));
        if (teacher) {
            policiesText.add(new Span(" and the "), legal("instructor-agreement", "Instructor Agreement"));
        }
    }

    private static Anchor legal(String slug, String text) {
        Anchor link = new Anchor("legal/" + slug, text);
        link.setTarget("_blank");
        return link;
    }

    private void submit() {
        for (var field : new com.vaadin.flow.component.HasValidation[] {firstName, lastName, title, email, password, age}) {
            field.setInvalid(false);
        }
        policiesError.setVisible(false);
        AccountService.SignUpResult result;
        try {
            result = accounts.signUp(new SignUpForm(TEACHER.equals(role.getValue()), firstName.getValue(), lastName.getValue(),
                    title.getValue(), email.getValue(), password.getValue(), policies.getValue(), getLocale(), age.getValue()), Origins.current(countries));
        } catch (RateLimitedException limited) {
            policiesError.setText(Origins.tooMany(limited));
            policiesError.setVisible(true);
            return;
        }
        if (result.accepted()) {
            getUI().ifPresent(ui -> ui.navigate("login", QueryParameters.simple(Map.of("signed-up", ""))));
            return;
        }
        result.problems().forEach((field, message) -> {
            switch (field) {
                case "firstName" -> invalid(firstName, message);
                case "lastName" -> invalid(lastName, message);
                case "title" -> invalid(title, message);
                case "email" -> invalid(email, message);
                case "password" -> invalid(password, message);
                case "age" -> {
                    age.setErrorMessage(message);
                    age.setInvalid(true);
                }
                default -> {
                    policiesError.setText(message);
                    policiesError.setVisible(true);
                }
            }
        });
    }
}
