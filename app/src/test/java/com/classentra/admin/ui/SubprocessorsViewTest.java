package com.classentra.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.plugins.ProviderCatalog;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.Slot;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The console as an administrator uses it: a form generated from the provider's schema, errors per field. */
@ClassentraTest
class SubprocessorsViewTest extends SpringBrowserlessTest {

    @Autowired
    ProviderCatalog catalog;
    @Autowired
    PlatformSql platform;

    @BeforeEach
    void signInAsAdministrator() {
        SignIn.as(null, null, Role.ADMIN);
    }

    @AfterEach
    void restoreDefaults() {
        SecurityContextHolder.clearContext();
        platform.resetPluginSlots();
    }

    @SuppressWarnings("unchecked")
    private Select<ProviderDescriptor> providerChoice(SlotPanel panel) {
        return find(Select.class, panel).single();
    }

    @Test
    void everySlotIsListedWithItsStateAndTheFailedPluginsAreShown() {
        SubprocessorsView view = navigate(SubprocessorsView.class);

        assertThat(find(SlotPanel.class).all()).hasSize(Slot.values().length);
        SlotPanel email = find(SlotPanel.class).id("slot-email");
        assertThat(find(Span.class, email).withText("Local mailbox · healthy").exists()).isTrue();
        SlotPanel video = find(SlotPanel.class).id("slot-video");
        assertThat(find(Span.class, video).withText("Meeting links only · healthy").exists()).isTrue();
        SlotPanel ai = find(SlotPanel.class).id("slot-ai");
        assertThat(find(Span.class, ai).withText("No provider").exists()).isTrue();
        SlotPanel rateLimits = find(SlotPanel.class).id("slot-rate-limits");
        assertThat(find(Span.class, rateLimits).withText("Built in: PostgreSQL").exists()).isTrue();

        @SuppressWarnings("unchecked")
        Grid<com.classentra.platform.plugins.PluginHost.LoadedPlugin> plugins = find(Grid.class, view)
                .withCondition(grid -> grid.getBeanType() == com.classentra.platform.plugins.PluginHost.LoadedPlugin.class).single();
        assertThat(test(plugins).size()).isGreaterThanOrEqualTo(5);
        assertThat(plugins.getGenericDataView().getItems().filter(p -> p.failed()).map(p -> p.id()))
                .contains("test-failing-start", "not-a-plugin.jar");
    }

    @Test
    void aSignedInTeacherCannotOpenTheConsole() {
        SignIn.as(java.util.UUID.randomUUID(), null, Role.TEACHER);

        com.vaadin.flow.component.UI.getCurrent().navigate(SubprocessorsView.class);
        assertThat(getCurrentView()).isInstanceOf(com.vaadin.flow.router.HasErrorParameter.class).isNotInstanceOf(SubprocessorsView.class);
        assertThat(find(SlotPanel.class).exists()).isFalse();
    }

    @Test
    void theGeneratedFormShowsFieldMessagesThenSwitchesTheSlot() {
        navigate(SubprocessorsView.class);
        SlotPanel email = find(SlotPanel.class).id("slot-email");
        test(providerChoice(email)).selectItem("Recording (test)");

        PasswordField apiKey = find(PasswordField.class, email).withLabel("API key *").single();
        TextField region = find(TextField.class, email).withLabel("Region").single();
        test(apiKey).setValue("short");
        test(region).setValue("Mars");
        // The test provider's company is not on the list: the switch is announced unless it is an emergency.
        test(find(Button.class, email).withText("Announce the change").single()).click();

        assertThat(apiKey.isInvalid()).isTrue();
        assertThat(apiKey.getErrorMessage()).isEqualTo("API key must be at least 8 characters");
        assertThat(region.getErrorMessage()).isEqualTo("Region must look like us-east-1");
        assertThat(catalog.settings(Slot.EMAIL).providerId()).isEqualTo("local");

        test(apiKey).setValue("sk_test_console_1");
        test(region).setValue("eu-west-1");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> when = find(RadioButtonGroup.class, email).single();
        test(when).selectItem("Switch now: emergency");
        TextArea reason = find(TextArea.class, email).withLabel("Why it cannot wait").single();
        test(reason).setValue("down");
        test(find(Button.class, email).withText("Switch now").single()).click();
        assertThat(reason.isInvalid()).as("a reason the public change log can show").isTrue();
        assertThat(catalog.settings(Slot.EMAIL).providerId()).isEqualTo("local");

        test(reason).setValue("Our email provider has been down since this morning.");
        test(find(Button.class, email).withText("Switch now").single()).click();

        assertThat(catalog.settings(Slot.EMAIL).providerId()).isEqualTo("recording");
        assertThat(find(Span.class, email).withText("Recording (test) · healthy").exists()).isTrue();
        PasswordField reloaded = find(PasswordField.class, email).withLabel("API key *").single();
        assertThat(reloaded.getValue()).isEmpty();
        assertThat(reloaded.getPlaceholder()).contains("Stored");
        // Now on the list: its settings change at once, and announcing stays possible.
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Object> whenNow = find(RadioButtonGroup.class, email).single();
        assertThat(whenNow.getValue()).hasToString("NOW");
        assertThat(find(Button.class, email).withText("Save and activate").exists()).isTrue();
    }
}
