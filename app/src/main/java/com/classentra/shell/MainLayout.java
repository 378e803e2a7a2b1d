package com.classentra.shell;

import com.classentra.admin.ui.AdminDashboardView;
import com.classentra.admin.ui.OutboxView;
import com.classentra.admin.ui.SubprocessorsView;
import com.classentra.accounts.ui.SettingsView;
import com.classentra.calendar.ui.CalendarView;
import com.classentra.courses.ui.CoursesView;
import com.classentra.dashboard.ui.StudentDashboardView;
import com.classentra.dashboard.ui.TeacherDashboardView;
import com.classentra.notifications.NotificationService;
import com.classentra.notifications.ui.NotificationBell;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The frame around every signed-in page: navigation by role, the user's name, dark mode, sign-out. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final transient AuthenticationContext authentication;

    public MainLayout(AuthenticationContext authentication, NotificationService notifications) {
        this.authentication = authentication;
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElse(null);
        setPrimarySection(Section.DRAWER);

        Span brand = new Span("Classentra");
        brand.addClassName("brand");
        addToDrawer(new Header(brand), new Scroller(navigation(user)), footer(user));
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        Div spacer = new Div();
        spacer.addClassName("navbar-spacer");
        addToNavbar(toggle, spacer, colorSchemeToggle());
        if (user != null && notifications.reaches(user)) {
            addToNavbar(new NotificationBell(notifications, user));
        }
    }

    private static SideNav navigation(SignedInUser user) {
        SideNav nav = new SideNav();
        nav.setLabel("Navigation");
        if (user == null) {
            return nav;
        }
        if (user.has(Role.TEACHER)) {
            nav.addItem(new SideNavItem("Teaching", TeacherDashboardView.class, VaadinIcon.ACADEMY_CAP.create()));
        }
        if (user.has(Role.STUDENT)) {
            nav.addItem(new SideNavItem("Learning", StudentDashboardView.class, VaadinIcon.OPEN_BOOK.create()));
        }
        if (user.has(Role.TEACHER) || user.has(Role.STUDENT)) {
            nav.addItem(new SideNavItem("Courses", CoursesView.class, VaadinIcon.BOOK.create()));
            nav.addItem(new SideNavItem("Calendar", CalendarView.class, VaadinIcon.CALENDAR.create()));
        }
        nav.addItem(new SideNavItem("Settings", SettingsView.class, VaadinIcon.USER.create()));
        if (user.has(Role.ADMIN)) {
            SideNavItem admin = new SideNavItem("Administration", AdminDashboardView.class, VaadinIcon.COG.create());
            admin.addItem(new SideNavItem("Subprocessors & plugins", SubprocessorsView.class, VaadinIcon.PLUG.create()));
            admin.addItem(new SideNavItem("Email outbox", OutboxView.class, VaadinIcon.ENVELOPES_O.create()));
            admin.setExpanded(true);
            nav.addItem(admin);
        }
        return nav;
    }

    private Footer footer(SignedInUser user) {
        Span name = new Span(user == null ? "" : user.displayName());
        name.addClassName("user-name");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Footer footer = new Footer(name, signOut);
        footer.addClassName("drawer-footer");
        return footer;
    }

    private static Button colorSchemeToggle() {
        Button toggle = new Button(VaadinIcon.ADJUST.create());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        toggle.setAriaLabel("Switch between light and dark");
        toggle.setTooltipText("Light / dark");
        toggle.addClickListener(e -> toggle.getUI().ifPresent(ui -> {
            boolean dark = ui.getPage().getColorScheme() == ColorScheme.Value.DARK;
            ui.getPage().setColorScheme(dark ? ColorScheme.Value.LIGHT : ColorScheme.Value.DARK);
        }));
        return toggle;
    }
}
