package com.classentra.shell;

import com.classentra.platform.security.SignedInUser;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something a feature puts in the top bar of every signed-in page (the notification bell). A Spring bean: the
 * layout asks each one, so the shell never imports a feature.
 */
public interface NavbarItem {

    /** The component for this person, or empty when the feature has nothing for them. */
    Optional<Component> createFor(SignedInUser user);
}
