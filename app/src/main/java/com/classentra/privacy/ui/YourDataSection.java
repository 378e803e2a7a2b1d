package com.classentra.privacy.ui;

import com.classentra.platform.security.SignedInUser;
import com.classentra.privacy.DataExports;
import com.classentra.shell.SettingsSection;
import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/** "Your data" in Settings, for everyone with an account. */
@org.springframework.stereotype.Component
@Order(90)
class YourDataSection implements SettingsSection {

    private final DataExports exports;

    YourDataSection(DataExports exports) {
        this.exports = exports;
    }

    @Override
    public Optional<Component> createFor(SignedInUser user) {
        return Optional.of(new YourDataSettings(exports, user));
    }
}
