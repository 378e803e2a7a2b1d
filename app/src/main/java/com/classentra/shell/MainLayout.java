package com.classentra.shell;

import com.classentra.platform.security.SignedInUser;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every signed-in page: navigation, the user's name, dark mode, sign-out. The navigation lists the
 * views marked {@code @Menu} that the person may open (Vaadin filters them by their access annotations), and the top
 * bar takes what features contribute ({@link NavbarItem}): the shell imports no feature. A visitor sees it only around
 * an error page ({@link ErrorView}), as a bar with the brand and "Sign in".
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final transient AuthenticationContext authentication;

    public MainLayout(AuthenticationContext authentication, List<NavbarItem> navbarItems) {
        this.authentication = authentication;
        SignedInUser user = authentication.getAuthenticatedUser(SignedInUser.class).orElse(null);
        setPrimarySection(Section.DRAWER);
        Div spacer = new Div();
        spacer.addClassName("navbar-spacer");
        if (user == null) {
            // Error pages are shown to visitors too: no navigation they could use, the brand and the way to sign in.
            setDrawerOpened(false);
            Anchor brand = new Anchor("", "Classentra");
            brand.addClassName("brand");
            Anchor signIn = new Anchor("login", "Sign in");
            signIn.addClassName("navbar-sign-in");
            addToNavbar(brand, spacer, colorSchemeToggle(), signIn);
            return;
        }
        Span brand = new Span("Classentra");
        brand.addClassName("brand");
        addToDrawer(new Header(brand), new Scroller(navigation()), footer(user));
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        addToNavbar(toggle, spacer, colorSchemeToggle());
        navbarItems.forEach(item -> item.createFor(user).ifPresent(this::addToNavbar));
    }

    /** A view under another's path (admin/outbox under admin) is nested in it when the person sees both. */
    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel("Navigation");
        Map<String, SideNavItem> byPath = new HashMap<>();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            SideNavItem item = new SideNavItem(entry.title(), "/" + path);
            if (entry.icon() != null && entry.icon().startsWith("vaadin:")) {
                item.setPrefixComponent(new Icon("vaadin", entry.icon().substring("vaadin:".length())));
            }
            SideNavItem parent = path.contains("/") ? byPath.get(path.substring(0, path.lastIndexOf('/'))) : null;
            if (parent != null) {
                parent.addItem(item);
                parent.setExpanded(true);
            } else {
                nav.addItem(item);
            }
            byPath.put(path, item);
        }
        return nav;
    }

    private Footer footer(SignedInUser user) {
        Span name = new Span(user.displayName());
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
