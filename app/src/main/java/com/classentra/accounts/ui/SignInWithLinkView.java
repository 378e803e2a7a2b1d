package com.classentra.accounts.ui;

import com.classentra.accounts.SignInLinks;
import com.classentra.accounts.SignInLinks.LinkCheck;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The page behind a sign-in link. Opening it signs nobody in (mail scanners open links): it shows the account and a
 * button, which posts the token with the CSRF token to Spring Security's one-time-token login at the same address.
 */
@Route(value = "login/link", autoLayout = false)
@PageTitle("Sign in with a link · Classentra")
@AnonymousAllowed
public class SignInWithLinkView extends AuthPage implements BeforeEnterObserver {

    private final transient SignInLinks links;

    public SignInWithLinkView(SignInLinks links) {
        this.links = links;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse(null);
        LinkCheck check = links.check(token);
        Anchor again = new Anchor("sign-in-link", "Ask for a new link");
        switch (check.status()) {
            case VALID -> showSignIn(token, check.email());
            case EXPIRED -> show("This link has expired", "Sign-in links work for 15 minutes.", again);
            case USED -> show("This link was already used", "Each sign-in link works once.", again);
            case INVALID -> show("This link is not valid", "It may have been copied incompletely or changed.", again);
        }
    }

    private void showSignIn(String token, String email) {
        Element form = new Element("form");
        form.setAttribute("method", "post");
        // Relative, like every link of the app: Vaadin's base href is the application's root.
        form.setAttribute("action", SignInLinks.PATH.substring(1));
        form.appendChild(hidden("token", token));
        if (VaadinServletRequest.getCurrent().getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            form.appendChild(hidden(csrf.getParameterName(), csrf.getToken()));
        }
        Button signIn = new Button("Sign in", e -> form.callJsFunction("submit"));
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.setDisableOnClick(true);
        show("Sign in to Classentra", "This link signs you in as " + email + ". It works once.", signIn, new Anchor("login", "Back to sign-in"));
        getElement().appendChild(form);
    }

    private static Element hidden(String name, String value) {
        return new Element("input").setAttribute("type", "hidden").setAttribute("name", name).setAttribute("value", value);
    }
}
