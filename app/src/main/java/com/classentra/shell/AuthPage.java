package com.classentra.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;

/** The narrow, centred page used before the product: sign-in, sign-up, links from emails, onboarding steps. */
public abstract class AuthPage extends Main {

    protected AuthPage() {
        addClassName("auth-page");
    }

    /** Replaces the page content with a title, an explanation and optional actions. */
    protected void show(String title, String explanation, Component... actions) {
        removeAll();
        add(new H1(title), new Paragraph(explanation));
        add(actions);
    }

    /** Shows a message under a field and marks it invalid. */
    protected static <F extends Component & HasValidation> void invalid(F field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
