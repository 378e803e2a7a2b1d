package com.classentra.shell;

import com.classentra.platform.security.SignedInUser;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the Settings page that belongs to another feature (the calendar feed). A Spring bean, ordered with
 * {@code @Order}: Settings shows every section the person has, without importing the features.
 */
public interface SettingsSection {

    Optional<Component> createFor(SignedInUser user);
}
