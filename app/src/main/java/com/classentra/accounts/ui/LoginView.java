package com.classentra.accounts.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Email and password sign-in; Spring Security handles the POST to /login. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Classentra")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView() {
        addClassName("auth-page");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        var i18n = com.vaadin.flow.component.login.LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in to Classentra");
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Email or password is incorrect");
        i18n.getErrorMessage().setMessage("Check both and try again.");
        form.setI18n(i18n);
        notice.addClassName("auth-notice");
        notice.setVisible(false);
        add(notice, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        if (parameters.containsKey("signed-out")) {
            notice.setText("You are signed out.");
            notice.setVisible(true);
        } else if (parameters.containsKey("setup-done")) {
            notice.setText("Administrator account created. Sign in with it.");
            notice.setVisible(true);
        }
    }
}
