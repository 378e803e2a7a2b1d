package com.classentra.accounts.ui;

import com.classentra.accounts.Profiles;
import com.classentra.notifications.NotificationService;
import com.classentra.notifications.ui.NotificationSettings;
import com.classentra.platform.security.SessionDirectory;
import com.classentra.platform.security.SessionDirectory.ActiveSession;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.Counted;
import com.classentra.shell.ClientTime;
import com.classentra.shell.NarrowWindow;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.classentra.shell.SettingsSection;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.time.Instant;

/** Account settings: the person's active sessions, signing out of them, and notification email. */
@Route("settings")
@Menu(title = "Settings", order = 5, icon = "vaadin:user")
@PageTitle("Settings · Classentra")
@PermitAll
public class SettingsView extends Main {


    private final transient SessionDirectory sessions;
    private final transient AuthenticationContext authentication;
    private final SignedInUser user;
    private final transient jakarta.servlet.http.HttpSession currentSession;
    private final Grid<ActiveSession> grid = new Grid<>(ActiveSession.class, false);

    public SettingsView(SessionDirectory sessions, AuthenticationContext authentication, NotificationService notifications,
            Profiles profiles, List<SettingsSection> sections) {
        this.sessions = sessions;
        this.authentication = authentication;
        this.user = SignedInSession.current().orElseThrow();
        this.currentSession = ((com.vaadin.flow.server.WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession();
        addClassName("console");

        grid.addComponentColumn(this::device).setHeader("Device").setFlexGrow(1);
        Grid.Column<ActiveSession> signedIn = grid.addColumn(s -> format(s.signedInAt())).setHeader("Signed in").setAutoWidth(true);
        grid.addColumn(s -> format(s.lastSeen())).setHeader("Last active").setAutoWidth(true);
        // A phone keeps the device and when it was last used; when it signed in needs a wider window.
        NarrowWindow.follow(this, phone -> signedIn.setVisible(!phone));
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);

        Button others = new Button("Sign out everywhere else", e -> {
            int ended = sessions.endSessions(user.id(), currentSession);
            Notification.show(ended == 0 ? "No other session was open." : "Signed out of " + Counted.of(ended, "other session", "other sessions") + ".");
            refresh();
        });
        Button everywhere = new Button("Sign out everywhere", e -> {
            sessions.endSessions(user.id(), null);
            authentication.logout();
        });
        everywhere.addThemeVariants(ButtonVariant.LUMO_ERROR);
        add(new ViewHeader("Settings", "Your account and where you are signed in."),
                new ProfileSettings(profiles, user),
                settingsSection(new H2("Active sessions"), new Paragraph("Sessions end after " + sessions.idleTimeout().toMinutes() + " minutes without activity and at the latest "
                        + sessions.absoluteLifetime().toHours() + " hours after signing in."),
                        grid, signOutButtons(others, everywhere)),
                new NotificationSettings(notifications, user));
        sections.forEach(section -> section.createFor(user).ifPresent(this::add));
        refresh();
    }

    private static Section settingsSection(Component... content) {
        Section section = new Section(content);
        section.addClassName("settings-section");
        return section;
    }

    private void refresh() {
        grid.setItems(sessions.sessionsOf(user.id()));
    }

    private static String format(Instant time) {
        return ClientTime.format(time);
    }

    /** Side by side when they fit, one under the other on a phone, never cut off. */
    private static HorizontalLayout signOutButtons(Button others, Button everywhere) {
        HorizontalLayout buttons = new HorizontalLayout(others, everywhere);
        buttons.setWrap(true);
        return buttons;
    }

    /** The device, marked when it is the one showing this page. */
    private Component device(ActiveSession session) {
        Div device = new Div(new Span(session.device()));
        if (session.id().equals(currentSession.getId())) {
            Span current = new Span("This session");
            current.getElement().getThemeList().add("badge");
            device.add(new Div(current));
        }
        return device;
    }
}
