package com.classentra.privacy.ui;

import com.classentra.platform.security.SignedInUser;
import com.classentra.privacy.AccountDeletions;
import com.classentra.shell.SettingsSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** "Delete account", last in Settings. */
@org.springframework.stereotype.Component
@Order(100)
class DeleteAccountSection implements SettingsSection {

    private final AccountDeletions deletions;
    private final AuthenticationContext authentication;

    DeleteAccountSection(AccountDeletions deletions, AuthenticationContext authentication) {
        this.deletions = deletions;
        this.authentication = authentication;
    }

    @Override
    public Optional<Component> createFor(SignedInUser user) {
        return Optional.of(new DeleteAccountSettings(deletions, authentication, user));
    }
}
