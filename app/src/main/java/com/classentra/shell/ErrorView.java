package com.classentra.shell;

import com.classentra.platform.errors.ErrorPage;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An error page inside the shell, for Vaadin's router: what happened, in the words of {@link ErrorPage} (the same as
 * outside the router), its reference when there is one, and the way back. Subclasses handle one exception type each
 * and return {@link #show}'s status from {@code setErrorParameter}: the HTTP status of a page rendered on the server
 * ({@link ErrorStatusAtBootstrap}).
 */
public abstract class ErrorView extends Main implements HasDynamicTitle {

    /** Tells a signed-in person from a visitor (Spring's anonymous authentication) in the request's security context. */
    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private String title = "Classentra";

    protected ErrorView() {
        addClassName("error-view");
    }

    /** Shows the page; returns its HTTP status. */
    protected int show(ErrorPage page) {
        removeAll();
        title = page.title() + " · Classentra";
        add(new ViewHeader(page.title(), page.explanation()));
        if (page.reference() != null) {
            Paragraph reference = new Paragraph(page.referenceLine());
            reference.addClassName("error-reference");
            add(reference);
        }
        Nav nav = new Nav();
        nav.addClassName("error-page-links");
        // Relative to the page's base, which is the application's root whatever the depth of the failed address.
        page.linksFor(TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication()))
                .forEach(link -> nav.add(new Anchor(link.path().substring(1), link.text())));
        add(nav);
        return page.status();
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
