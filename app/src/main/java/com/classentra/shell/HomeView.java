package com.classentra.shell;

import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** "/" sends each person to the dashboard of their main role. */
@Route("")
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    private final transient AuthenticationContext authentication;

    public HomeView(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElse(null);
        if (user == null) {
            event.forwardTo("login");
        } else if (user.has(Role.TEACHER)) {
            event.forwardTo("teacher");
        } else if (user.has(Role.ADMIN)) {
            event.forwardTo("admin");
        } else {
            event.forwardTo("student");
        }
    }
}
