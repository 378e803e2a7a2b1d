package com.classentra.classwork.ui;

import com.classentra.classwork.ClassworkService;
import com.classentra.classwork.CourseItem;
import com.classentra.classwork.ItemKind;
import com.classentra.courses.CourseInvitations;
import com.classentra.courses.CourseNotFoundException;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.courses.ui.InviteDialog;
import com.classentra.files.FileService;
import com.classentra.live.LiveRooms;
import com.classentra.live.RoomState;
import com.classentra.live.ui.RoomEntry;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.Counted;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A course's page: everything posted in it, newest first; teachers post, edit and delete from here. */
@Route("courses/:courseId")
@RolesAllowed({"TEACHER", "STUDENT"})
public class CourseView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CourseService courses;
    private final transient CourseInvitations invitations;
    private final transient ClassworkService classwork;
    private final transient FileService files;
    private final transient LiveRooms liveRooms;
    private final SignedInUser user;
    private final boolean teaching;
    private final Div stream = new Div();
    private final Select<ItemKind> filter = new Select<>();
    private CourseSummary course;

    public CourseView(CourseService courses, CourseInvitations invitations, ClassworkService classwork, FileService files,
            LiveRooms liveRooms, AuthenticationContext authentication) {
        this.invitations = invitations;
        this.courses = courses;
        this.classwork = classwork;
        this.files = files;
        this.liveRooms = liveRooms;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        this.teaching = user.teachesInWorkspace();
        addClassName("console");
        stream.addClassName("item-stream");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            course = courses.course(user, UUID.fromString(event.getRouteParameters().get("courseId").orElse("")));
        } catch (IllegalArgumentException | CourseNotFoundException e) {
            event.rerouteToError(NotFoundException.class, "This course does not exist or you are not in it.");
            return;
        }
        removeAll();
        add(new ViewHeader(course.title(), course.archived() ? "Archived: read-only until it is restored." : subtitle()));
        if (!course.descriptionHtml().isBlank()) {
            Html description = new Html("<div class=\"course-description\">" + course.descriptionHtml() + "</div>");
            add(description);
        }
        add(toolbar(), stream);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return (course == null ? "Course" : course.title()) + " · Classentra";
    }

    private String subtitle() {
        return teaching ? Counted.of(course.activeStudents(), "student", "students") + " · join code " + course.joinCode() : "Announcements, materials, work and live sessions.";
    }

    private Component toolbar() {
        filter.setItems(ItemKind.values());
        filter.setItemLabelGenerator(kind -> kind == null ? "Everything" : kind.label());
        filter.setEmptySelectionAllowed(true);
        filter.setEmptySelectionCaption("Everything");
        filter.setAriaLabel("Show");
        filter.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout();
        bar.addClassName("course-toolbar");
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        bar.setWrap(true);
        if (teaching && !course.archived()) {
            MenuBar post = new MenuBar();
            post.addThemeVariants(MenuBarVariant.LUMO_PRIMARY);
            SubMenu kinds = post.addItem("Post…").getSubMenu();
            for (ItemKind kind : ItemKind.values()) {
                kinds.addItem(kind.label(), e -> new ItemDialog(classwork, files, liveRooms, user, course.id(), kind, null, item -> refresh()).open());
            }
            bar.add(post);
        }
        bar.add(filter, link("Chat", "courses/" + course.id() + "/chat"), link("Grades", "courses/" + course.id() + "/grades"),
                link("Attendance", "courses/" + course.id() + "/attendance"));
        if (teaching) {
            bar.add(link("People", "courses/" + course.id() + "/people"));
            if (!course.archived()) {
                bar.add(new Button("Invite", VaadinIcon.ENVELOPE_O.create(), e -> new InviteDialog(invitations, user, course, () -> { }).open()));
            }
        }
        return bar;
    }

    private static Anchor link(String text, String href) {
        Anchor anchor = new Anchor(href, text);
        anchor.addClassName("toolbar-link");
        return anchor;
    }

    private void refresh() {
        stream.removeAll();
        List<CourseItem> items = classwork.stream(user, course.id(), filter.getValue());
        if (items.isEmpty()) {
            Paragraph empty = new Paragraph(teaching ? "Nothing posted yet. Use “Post…” to add an announcement, material, assignment or session."
                    : "Your teacher has not posted anything yet.");
            empty.addClassName("empty-stream");
            stream.add(empty);
        }
        Map<UUID, RoomState> rooms = liveRooms.states(user, items.stream().filter(i -> i.kind() == ItemKind.SESSION).map(CourseItem::id).toList());
        items.forEach(item -> stream.add(card(item, rooms.get(item.id()))));
    }

    private Component card(CourseItem item, RoomState room) {
        Span kind = new Span(item.kind().label());
        kind.getElement().getThemeList().add(item.kind() == ItemKind.ASSIGNMENT ? "badge" : "badge contrast");
        Anchor title = new Anchor(item.path(), item.title());
        H2 heading = new H2(title);
        Span facts = new Span(ItemSummaries.facts(item));
        facts.addClassName("item-facts");
        Div card = new Div(new Div(kind, heading), facts);
        card.addClassName("item-card");
        if (!item.bodyHtml().isBlank()) {
            // Announcements show whole; instructions, materials and agendas show their start, the rest on their page.
            String preview = item.kind() == ItemKind.ANNOUNCEMENT ? "" : " item-preview";
            card.add(new Html("<div class=\"item-body" + preview + "\">" + item.bodyHtml() + "</div>"));
        }
        if (room != null) {
            card.add(RoomEntry.of(room, teaching));
        } else if (item.kind() == ItemKind.SESSION && item.meetingUrl() != null) {
            card.add(ItemSummaries.external(item.meetingUrl(), "Join the session"));
        }
        if (item.kind() == ItemKind.LINK) {
            card.add(ItemSummaries.external(item.linkUrl(), "Open " + com.classentra.classwork.ExternalLinks.host(item.linkUrl())));
        }
        if (!item.files().isEmpty()) {
            card.add(ItemSummaries.files(item.files()));
        }
        if (teaching && !course.archived()) {
            FlexLayout actions = new FlexLayout(
                    small("Edit", () -> new ItemDialog(classwork, files, liveRooms, user, course.id(), item.kind(), item, saved -> refresh()).open()),
                    small("Delete", () -> confirmDelete(item)));
            actions.addClassName("item-actions");
            card.add(actions);
        }
        return card;
    }

    private void confirmDelete(CourseItem item) {
        ConfirmDialog confirm = new ConfirmDialog("Delete " + item.title() + "?",
                "It is removed with its files" + (item.kind() == ItemKind.ASSIGNMENT ? ", the students' turn-ins and grades" : "") + ". This cannot be undone.",
                "Delete", e -> {
                    classwork.delete(user, course.id(), item.id());
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private static Button small(String text, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
