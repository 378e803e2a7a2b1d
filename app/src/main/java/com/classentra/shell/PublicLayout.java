package com.classentra.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;

/**
 * The frame of pages anyone may open outside the product (legal documents, the subprocessor list): the brand,
 * linking home, and the way back in, to the dashboard for a signed-in person and to sign-in for anyone else.
 * Routes use it with {@code @Route(layout = PublicLayout.class)}.
 */
@AnonymousAllowed
public class PublicLayout extends Div implements RouterLayout {

    public PublicLayout(AuthenticationContext authentication) {
        addClassName("public-layout");
        RouterLink brand = new RouterLink("Classentra", HomeView.class);
        brand.addClassName("brand");
        // "/" sends a signed-in person to the dashboard of their main role (HomeView).
        var wayBack = authentication.isAuthenticated() ? new RouterLink("Back to dashboard", HomeView.class) : new Anchor("login", "Sign in");
        wayBack.addClassName("public-header-action");
        Header header = new Header(brand, wayBack);
        header.addClassName("public-header");
        add(header);
    }
}
