package com.classentra.accounts.ui;

import com.classentra.accounts.Profiles;
import com.classentra.accounts.Profiles.EmailChangeRefusal;
import com.classentra.accounts.Profiles.Profile;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.shell.BrowserTime;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneId;
import java.util.Map;

/**
 * The person's profile in Settings: names, title (teachers), language and time zone, saved together, and the email
 * address, which changes only once the new address confirms it.
 */
class ProfileSettings extends Section {

    private static final String BROWSER_ZONE = "Same as my browser";

    private final transient Profiles profiles;
    private final SignedInUser user;
    private final TextField firstName = new TextField("First name");
    private final TextField lastName = new TextField("Last name");
    private final TextField title = new TextField("Title");
    private final Select<String> language = new Select<>();
    private final ComboBox<String> timeZone = new ComboBox<>("Time zone");
    private final Paragraph email = new Paragraph();

    ProfileSettings(Profiles profiles, SignedInUser user) {
        this.profiles = profiles;
        this.user = user;
        addClassName("settings-section");
        language.setLabel("Language");
        language.setItems(Profiles.LANGUAGES.keySet());
        language.setItemLabelGenerator(Profiles.LANGUAGES::get);
        language.setHelperText("Of your emails and of these pages.");
        timeZone.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(BROWSER_ZONE),
                ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/") && !id.startsWith("Etc/")).sorted()).toList());
        timeZone.setHelperText("Times are shown in this zone.");
        title.setHelperText("Shown to your students, such as Dr. or Maestra.");
        FormLayout form = new FormLayout(firstName, lastName, language, timeZone);
        if (user.has(Role.TEACHER)) {
            form.add(title);
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        Button save = new Button("Save profile", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button change = new Button("Change email address…", e -> changeEmail());
        add(new H2("Profile"), form, save, email, change);
        load();
    }

    private void load() {
        Profile profile = profiles.profile(user);
        firstName.setValue(profile.firstName());
        lastName.setValue(profile.lastName());
        title.setValue(profile.title() == null ? "" : profile.title());
        language.setValue(profile.language());
        timeZone.setValue(profile.timeZone() == null ? BROWSER_ZONE : profile.timeZone().getId());
        email.setText("You sign in with " + profile.email() + "."
                + (profile.pendingEmail() == null ? "" : " We sent a link to " + profile.pendingEmail() + " to confirm it as your new address."));
    }

    private void save() {
        ZoneId zone = timeZone.getValue() == null || BROWSER_ZONE.equals(timeZone.getValue()) ? null : ZoneId.of(timeZone.getValue());
        Map<String, String> problems = profiles.update(user, new Profile(firstName.getValue(), lastName.getValue(), title.getValue(), null, null,
                language.getValue(), zone));
        for (TextField field : new TextField[] {firstName, lastName, title}) {
            field.setInvalid(false);
        }
        problems.forEach((field, message) -> invalid(switch (field) {
            case "firstName" -> firstName;
            case "lastName" -> lastName;
            case "title" -> title;
            default -> timeZone;
        }, message));
        if (problems.isEmpty()) {
            BrowserTime.choose(zone);
            String name = firstName.getValue().strip() + " " + lastName.getValue().strip();
            SignedInSession.update(current -> current.withDisplayName(name));
            Notification.show("Profile saved.");
        }
    }

    private void changeEmail() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Change your email address");
        EmailField address = new EmailField("New email address");
        address.setWidthFull();
        PasswordField password = new PasswordField("Your password");
        password.setWidthFull();
        boolean needsPassword = profiles.needsPassword(user);
        dialog.add(new Paragraph("We send a link to the new address. Until you open it, you keep signing in with the current one."), address);
        if (needsPassword) {
            dialog.add(password);
        }
        Button send = new Button("Send the link", e -> {
            EmailChangeRefusal refusal = profiles.requestEmailChange(user, address.getValue(), password.getValue());
            if (refusal == null) {
                dialog.close();
                Notification.show("Check " + address.getValue().strip() + " for a link to confirm it.");
                load();
                return;
            }
            switch (refusal) {
                case NOT_AN_ADDRESS -> invalid(address, "Enter an email address, such as name@example.com.");
                case SAME_ADDRESS -> invalid(address, "That is already your address.");
                case DISPOSABLE -> invalid(address, "Use an address you will keep: throwaway addresses are not accepted.");
                case WRONG_PASSWORD -> invalid(password, "That is not your password.");
                case TOO_MANY -> invalid(address, "You asked for several links in a short time. Try again in an hour.");
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), send);
        dialog.setWidth("min(30rem, 95vw)");
        dialog.open();
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
