package com.classentra.courses.ui;

import com.classentra.courses.CourseInvitations;
import com.classentra.courses.CourseNotFoundException;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseService.Joined;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.ratelimit.ClientAddress;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.platform.text.Counted;
import com.classentra.shell.ClientTime;
import com.classentra.shell.NarrowWindow;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A teacher's courses (create, edit, archive, delete) or a student's (join with a code, leave). */
@Route("courses")
@Menu(title = "Courses", order = 3, icon = "vaadin:book")
@PageTitle("Courses · Classentra")
@RolesAllowed({"TEACHER", "STUDENT"})
public class CoursesView extends Main implements AfterNavigationObserver {

    /** Query parameter that opens the new-course form at once (the dashboard's "Create your first course"). */
    public static final String NEW_COURSE = "new";


    private final transient CourseService courses;
    private final transient CourseInvitations invitations;
    private final SignedInUser user;
    private final boolean teaching;
    private final Grid<CourseSummary> grid = new Grid<>(CourseSummary.class, false);
    private final List<Grid.Column<CourseSummary>> wideOnly = new ArrayList<>();
    private boolean narrow;

    public CoursesView(CourseService courses, CourseInvitations invitations, AuthenticationContext authentication) {
        this.invitations = invitations;
        this.courses = courses;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        this.teaching = user.has(Role.TEACHER) && user.tenantId() != null;
        addClassName("console");

        grid.addComponentColumn(this::title).setHeader("Course").setFlexGrow(1);
        wideOnly.add(grid.addColumn(c -> dates(c)).setHeader("Dates").setAutoWidth(true));
        if (teaching) {
            wideOnly.add(grid.addColumn(CourseSummary::activeStudents).setHeader("Students").setAutoWidth(true));
            wideOnly.add(grid.addColumn(CourseSummary::joinCode).setHeader("Join code").setAutoWidth(true));
            wideOnly.add(grid.addComponentColumn(this::status).setHeader("Status").setAutoWidth(true));
        }
        grid.addClassName("courses-grid");
        NarrowWindow.follow(this, this::layOut);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(teaching ? "No course yet. Create your first one." : "You are not enrolled in a course yet. Ask your teacher for a join code.");

        add(new ViewHeader("Courses", teaching ? "Your courses, their join codes and students." : "The courses you take."),
                teaching ? newCourseButton() : joinForm(), grid);
        refresh();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (teaching && event.getLocation().getQueryParameters().getParameters().containsKey(NEW_COURSE)) {
            openNewCourseForm();
        }
    }

    private Component newCourseButton() {
        Button create = new Button("New course", e -> openNewCourseForm());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return create;
    }

    private void openNewCourseForm() {
        new CourseDialog(null, form -> {
            var saved = courses.create(user, form);
            if (saved.problems().isEmpty()) {
                Notification.show("Course created. Students join with the code " + saved.course().joinCode() + ".");
                refresh();
            }
            return saved.problems();
        }).open();
    }

    private Component joinForm() {
        TextField code = new TextField("Join code");
        code.setPlaceholder("8 letters or digits");
        code.setMaxLength(20);
        Button join = new Button("Join", e -> {
            Joined joined;
            try {
                joined = courses.join(user, code.getValue(), ClientAddress.current());
            } catch (RateLimitedException limited) {
                code.setErrorMessage("Too many join attempts. " + limited.tryAgainLater());
                code.setInvalid(true);
                return;
            }
            switch (joined.outcome()) {
                case JOINED -> Notification.show("Welcome to " + joined.title() + ".");
                case ALREADY_ENROLLED -> Notification.show("You are already in " + joined.title() + ".");
                case UNKNOWN_CODE -> { code.setErrorMessage("No course has this code. Check it with your teacher."); code.setInvalid(true); }
                case COURSE_ARCHIVED -> { code.setErrorMessage(joined.title() + " has ended and takes no new students."); code.setInvalid(true); }
                case REMOVED -> {
                    code.setErrorMessage("Your teacher removed you from " + joined.title() + ". Ask them to invite you again.");
                    code.setInvalid(true);
                }
            }
            refresh();
        });
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(code, join);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        return form;
    }

    private Component status(CourseSummary course) {
        Span badge = new Span(course.archived() ? "Archived" : course.visibility().name().toLowerCase());
        badge.getElement().getThemeList().add(course.archived() ? "badge contrast" : "badge");
        return badge;
    }

    /** What can be done with a course: buttons on a wide window, one "More" menu on a phone. */
    private Component actions(CourseSummary course) {
        Map<String, Runnable> actions = new LinkedHashMap<>();
        if (teaching) {
            actions.put("Edit", () -> new CourseDialog(course, form -> {
                var saved = courses.update(user, course.id(), form);
                refresh();
                return saved.problems();
            }).open());
            if (!course.archived()) {
                actions.put("Invite", () -> new InviteDialog(invitations, user, course, () -> { }).open());
                actions.put("New code", () -> confirmNewCode(course));
            }
            actions.put(course.archived() ? "Restore" : "Archive", () -> courses.archive(user, course.id(), !course.archived()));
            actions.put("Delete", () -> confirmDelete(course));
        } else {
            actions.put("Leave", () -> confirmLeave(course));
        }
        if (narrow) {
            MenuBar more = new MenuBar();
            more.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
            var opener = more.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create(), "Actions for " + course.title());
            opener.getElement().setAttribute("aria-label", "Actions for " + course.title());
            var menu = opener.getSubMenu();
            actions.forEach((label, action) -> menu.addItem(label, e -> guarded(action)));
            return more;
        }
        HorizontalLayout buttons = new HorizontalLayout();
        actions.forEach((label, action) -> buttons.add(small(label, action)));
        return buttons;
    }

    private void confirmNewCode(CourseSummary course) {
        ConfirmDialog confirm = new ConfirmDialog("Give " + course.title() + " a new join code?",
                "The code " + course.joinCode() + " and every link with it stop working at once. Students already in the course stay.",
                "Make a new code", e -> {
                    CourseSummary changed = courses.rotateJoinCode(user, course.id());
                    Notification.show("New join code: " + changed.joinCode());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.open();
    }

    private void confirmLeave(CourseSummary course) {
        ConfirmDialog confirm = new ConfirmDialog("Leave " + course.title() + "?",
                "You will no longer see the course or its work, and your teacher will be told. To come back, ask them for the join code.",
                "Leave the course", e -> {
                    courses.leave(user, course.id());
                    Notification.show("You left " + course.title() + ".");
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void confirmDelete(CourseSummary course) {
        ConfirmDialog confirm = new ConfirmDialog("Delete " + course.title() + "?",
                "The course, its enrolments and everything in it are removed for good. This cannot be undone.",
                "Delete for good", e -> {
                    courses.delete(user, course.id());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private Button small(String text, Runnable action) {
        Button button = new Button(text, e -> guarded(action));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void guarded(Runnable action) {
        try {
            action.run();
        } catch (CourseNotFoundException gone) {
            Notification.show("This course no longer exists.");
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(courses.coursesOf(user));
    }

    /** A phone keeps the course column (with its facts under the title) and a menu of actions; the rest are for wide windows. */
    private void layOut(boolean phone) {
        narrow = phone;
        wideOnly.forEach(column -> column.setVisible(!phone));
        grid.setClassName("narrow", phone);
        grid.getDataProvider().refreshAll();
    }

    private Component title(CourseSummary course) {
        Span facts = new Span(teaching ? Counted.of(course.activeStudents(), "student", "students") + " · " + course.joinCode()
                + (course.archived() ? " · archived" : "") : dates(course));
        facts.addClassName("phone-facts");
        return new Div(new Anchor("courses/" + course.id(), course.title()), facts);
    }

    private static String dates(CourseSummary course) {
        if (course.startsOn() == null && course.endsOn() == null) {
            return "";
        }
        return (course.startsOn() == null ? "…" : ClientTime.formatDate(course.startsOn())) + " – " + (course.endsOn() == null ? "…" : ClientTime.formatDate(course.endsOn()));
    }
}
