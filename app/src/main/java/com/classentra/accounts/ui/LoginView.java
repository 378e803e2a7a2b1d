package com.classentra.accounts.ui;

import com.classentra.accounts.SignInOptions;
import com.vaadin.flow.server.VaadinSession;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;

/** Email and password sign-in; Spring Security handles the POST to /login. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Classentra")
@AnonymousAllowed
public class LoginView extends AuthPage implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView(SignInOptions options) {
        form.setAction("login");
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Classentra");
        i18n.getForm().setUsername("Email");
        i18n.getForm().setForgotPassword("Forgot your password?");
        i18n.getErrorMessage().setTitle("Email or password is incorrect");
        i18n.getErrorMessage().setMessage("Check both and try again, or use “Email me a sign-in link” below.");
        form.setI18n(i18n);
        form.addForgotPasswordListener(e -> form.getUI().ifPresent(ui -> ui.navigate(ForgotPasswordView.class)));
        notice.addClassName("auth-notice");
        notice.setVisible(false);
        add(notice, form, new Paragraph(new Span("Password not working? "), new Anchor("sign-in-link", "Email me a sign-in link")));
        if (options.google()) {
            Anchor google = new Anchor("oauth2/authorization/google", "Continue with Google");
            google.setRouterIgnore(true);
            google.addClassName("google-button");
            add(google);
        }
        add(new Paragraph(new Span("New to Classentra? "), new Anchor("signup", "Create an account")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        String message = null;
        if (parameters.containsKey("signed-out")) {
            message = "You are signed out.";
        } else if (parameters.containsKey("setup-done")) {
            message = "Administrator account created. Sign in with it.";
        } else if (parameters.containsKey("signed-up")) {
            // Nothing from the URL is shown: a crafted link must not put its own words on the sign-in page.
            message = "Thank you. We sent an email to the address you gave: follow its link to confirm it, then sign in.";
        } else if (parameters.containsKey("password-reset")) {
            message = "Your password was changed and you were signed out everywhere. Sign in with the new password.";
        } else if (parameters.containsKey("expired")) {
            message = "Your session has ended. Please sign in again.";
        } else if (parameters.containsKey("google-error")) {
            Object reason = VaadinSession.getCurrent().getSession().getAttribute(SignInOptions.GOOGLE_ERROR);
            message = "Google sign-in did not work" + (reason == null ? "." : ": " + reason);
        }
        notice.setText(message == null ? "" : message);
        notice.setVisible(message != null);
    }
}
