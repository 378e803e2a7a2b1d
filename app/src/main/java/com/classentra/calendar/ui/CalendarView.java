package com.classentra.calendar.ui;

import com.classentra.attendance.ui.AttendanceView;
import com.classentra.attendance.ui.CourseAttendanceView;
import com.classentra.calendar.CalendarEntry;
import com.classentra.calendar.CalendarEntry.Kind;
import com.classentra.calendar.CalendarEventNotFoundException;
import com.classentra.calendar.CalendarService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.shell.BrowserTime;
import com.classentra.shell.ClientTime;
import com.classentra.shell.EmptyState;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.List;
import java.util.Map;

/**
 * The person's calendar in three modes: a month grid, a week of day columns and an agenda of the coming
 * weeks. Built from plain elements and CSS (classroom.css), as no calendar component is part of vaadin-core.
 */
@Route("calendar")
@Menu(title = "Calendar", order = 4, icon = "vaadin:calendar")
@PageTitle("Calendar · Classentra")
@RolesAllowed({"TEACHER", "STUDENT"})
@StyleSheet("classentra/classroom.css")
public class CalendarView extends Main {

    /** How far the agenda looks ahead. */
    private static final int AGENDA_DAYS = 30;
    /** Entries shown in a month cell before "+n more". */
    private static final int MONTH_CELL_ENTRIES = 3;

    enum Mode { MONTH, WEEK, AGENDA }

    private final transient CalendarService calendar;
    private final SignedInUser user;
    private final boolean teaching;
    private final ZoneId zone;
    private final DayOfWeek firstDayOfWeek;
    private final H2 rangeLabel = new H2();
    private final Div body = new Div();
    private final Tabs modes = new Tabs(new Tab("Month"), new Tab("Week"), new Tab("Agenda"));
    private Mode mode = Mode.MONTH;
    private LocalDate anchor;

    public CalendarView(CalendarService calendar, AuthenticationContext authentication) {
        this.calendar = calendar;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        this.teaching = user.has(Role.TEACHER) && user.tenantId() != null;
        this.zone = BrowserTime.zone();
        this.firstDayOfWeek = WeekFields.of(getLocale()).getFirstDayOfWeek();
        this.anchor = LocalDate.now(zone);
        addClassNames("console", "calendar-page");

        Button today = new Button("Today", e -> moveTo(LocalDate.now(zone)));
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> step(-1));
        previous.setAriaLabel("Previous");
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> step(1));
        next.setAriaLabel("Next");
        for (Button button : new Button[] {previous, next}) {
            button.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        }
        Button newEvent = new Button("New event", VaadinIcon.PLUS.create(), e -> newEvent(anchor));
        newEvent.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        modes.addSelectedChangeListener(e -> {
            mode = Mode.values()[modes.getSelectedIndex()];
            render();
        });
        modes.addClassName("calendar-modes");
        rangeLabel.addClassName("calendar-range");

        Div navigation = new Div(today, previous, next, rangeLabel);
        navigation.addClassName("calendar-navigation");
        Div toolbar = new Div(navigation, modes, newEvent);
        toolbar.addClassName("calendar-toolbar");
        body.addClassName("calendar-body");
        add(new ViewHeader("Calendar", teaching ? "Your sessions, due dates and own events. Subscribe to it in Settings."
                : "Your classes, due dates and own events. Subscribe to it in Settings."), toolbar, body);
        render();
    }

    private void step(int direction) {
        moveTo(switch (mode) {
            case MONTH -> anchor.plusMonths(direction);
            case WEEK -> anchor.plusWeeks(direction);
            case AGENDA -> anchor.plusDays((long) direction * AGENDA_DAYS);
        });
    }

    private void moveTo(LocalDate day) {
        anchor = day;
        render();
    }

    private void render() {
        body.removeAll();
        switch (mode) {
            case MONTH -> renderMonth();
            case WEEK -> renderWeek();
            case AGENDA -> renderAgenda();
        }
    }

    private void renderMonth() {
        rangeLabel.setText(DateTimeFormatter.ofPattern("LLLL yyyy", getLocale()).format(anchor));
        LocalDate first = anchor.withDayOfMonth(1).with(TemporalAdjusters.previousOrSame(firstDayOfWeek));
        LocalDate last = anchor.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(firstDayOfWeek.minus(1)));
        List<CalendarEntry> entries = entries(first, last.plusDays(1));
        Div grid = new Div();
        grid.addClassName("month-grid");
        grid.getElement().setAttribute("role", "grid");
        for (int i = 0; i < 7; i++) {
            Span weekday = new Span(firstDayOfWeek.plus(i).getDisplayName(TextStyle.SHORT, getLocale()));
            weekday.addClassName("month-weekday");
            grid.add(weekday);
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            grid.add(monthCell(day, on(entries, day)));
        }
        body.add(grid);
    }

    private Component monthCell(LocalDate day, List<CalendarEntry> entries) {
        Div cell = new Div();
        cell.addClassName("month-day");
        cell.addClassName(day.getMonth() == anchor.getMonth() ? "in-month" : "other-month");
        if (day.equals(LocalDate.now(zone))) {
            cell.addClassName("today");
        }
        Button number = new Button(String.valueOf(day.getDayOfMonth()), e -> {
            anchor = day;
            modes.setSelectedIndex(Mode.WEEK.ordinal());
        });
        number.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        number.addClassName("day-number");
        number.setAriaLabel(ClientTime.formatHeading(day) + ", open the week");
        cell.add(number);
        entries.stream().limit(MONTH_CELL_ENTRIES).forEach(entry -> cell.add(chip(entry, true)));
        if (entries.size() > MONTH_CELL_ENTRIES) {
            Button more = new Button("+" + (entries.size() - MONTH_CELL_ENTRIES) + " more", e -> {
                anchor = day;
                modes.setSelectedIndex(Mode.WEEK.ordinal());
            });
            more.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            more.addClassName("more-entries");
            cell.add(more);
        }
        return cell;
    }

    private void renderWeek() {
        LocalDate first = anchor.with(TemporalAdjusters.previousOrSame(firstDayOfWeek));
        LocalDate last = first.plusDays(6);
        rangeLabel.setText(ClientTime.formatDate(first) + " – " + ClientTime.formatDate(last));
        List<CalendarEntry> entries = entries(first, last.plusDays(1));
        Div week = new Div();
        week.addClassName("week-grid");
        DateTimeFormatter heading = DateTimeFormatter.ofPattern("EEE d", getLocale());
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate thisDay = day;
            Div column = new Div();
            column.addClassName("week-day");
            if (day.equals(LocalDate.now(zone))) {
                column.addClassName("today");
            }
            Button add = new Button(VaadinIcon.PLUS.create(), e -> newEvent(thisDay));
            add.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            add.setAriaLabel("New event on " + ClientTime.formatDate(day));
            Div head = new Div(new H3(heading.format(day)), add);
            head.addClassName("week-day-head");
            column.add(head);
            List<CalendarEntry> today = on(entries, day);
            if (today.isEmpty()) {
                Span nothing = new Span("Nothing planned");
                nothing.addClassName("secondary-text");
                column.add(nothing);
            }
            today.forEach(entry -> column.add(chip(entry, false)));
            week.add(column);
        }
        body.add(week);
    }

    private void renderAgenda() {
        LocalDate last = anchor.plusDays(AGENDA_DAYS - 1L);
        rangeLabel.setText(ClientTime.formatDate(anchor) + " – " + ClientTime.formatDate(last));
        List<CalendarEntry> entries = entries(anchor, last.plusDays(1));
        if (entries.isEmpty()) {
            body.add(new EmptyState(VaadinIcon.CALENDAR, "Nothing in these " + AGENDA_DAYS + " days",
                    "Sessions and due dates of your courses appear here, with the events you add yourself."));
            return;
        }
        Div agenda = new Div();
        agenda.addClassName("agenda");
        for (LocalDate day = anchor; !day.isAfter(last); day = day.plusDays(1)) {
            List<CalendarEntry> today = on(entries, day);
            if (!today.isEmpty()) {
                Div group = new Div(new H3(ClientTime.formatHeading(day)));
                group.addClassName("agenda-day");
                today.forEach(entry -> group.add(chip(entry, false)));
                agenda.add(group);
            }
        }
        body.add(agenda);
    }

    /** An entry as a button: time and title, coloured by kind; opens its details (or its editor, for one's own events). */
    private Component chip(CalendarEntry entry, boolean compact) {
        Span time = new Span(timeOf(entry, compact));
        time.addClassName("chip-time");
        Span title = new Span(entry.kind() == Kind.DEADLINE ? "Due: " + entry.title() : entry.title());
        title.addClassName("chip-title");
        Div chip = new Div(time, title);
        if (!compact && entry.courseTitle() != null) {
            Span course = new Span(entry.courseTitle());
            course.addClassName("chip-course");
            chip.add(course);
        }
        chip.addClassNames("calendar-chip", "kind-" + entry.kind().name().toLowerCase());
        chip.getElement().setAttribute("role", "button");
        chip.getElement().setAttribute("tabindex", "0");
        chip.getElement().setAttribute("aria-label", title.getText() + ", " + timeOf(entry, false));
        chip.addClickListener(e -> open(entry));
        chip.getElement().addEventListener("keydown", e -> open(entry)).setFilter("event.key === 'Enter' || event.key === ' '");
        return chip;
    }

    private String timeOf(CalendarEntry entry, boolean compact) {
        if (compact || entry.kind() == Kind.DEADLINE) {
            return ClientTime.formatTime(entry.startsAt());
        }
        return ClientTime.formatTime(entry.startsAt()) + " – " + ClientTime.formatTime(entry.endsAt());
    }

    private void open(CalendarEntry entry) {
        if (entry.kind() == Kind.PERSONAL) {
            new EventDialog(entry, null, zone, form -> {
                try {
                    var saved = calendar.update(user, entry.sourceId(), form);
                    render();
                    return saved.problems();
                } catch (CalendarEventNotFoundException gone) {
                    Notification.show("This event no longer exists.");
                    render();
                    return Map.of();
                }
            }, () -> {
                try {
                    calendar.delete(user, entry.sourceId());
                    Notification.show("Event deleted.");
                } catch (CalendarEventNotFoundException alreadyGone) {
                    Notification.show("This event no longer exists.");
                }
                render();
            }).open();
            return;
        }
        Dialog details = new Dialog();
        details.setHeaderTitle(entry.kind() == Kind.DEADLINE ? "Due: " + entry.title() : entry.title());
        details.add(new Paragraph(entry.courseTitle()));
        details.add(new Paragraph(ClientTime.formatHeading(entry.startsAt()) + (entry.kind() == Kind.SESSION
                ? " · " + Duration.between(entry.startsAt(), entry.endsAt()).toMinutes() + " min" : "")));
        if (entry.meetingUrl() != null && entry.meetingUrl().matches("(?i)https?://\\S+")) {
            Anchor join = new Anchor(entry.meetingUrl(), "Join the meeting", AnchorTarget.BLANK);
            join.getElement().setAttribute("rel", "noopener noreferrer");
            details.add(new Paragraph(join));
        }
        if (entry.kind() == Kind.SESSION) {
            RouteParameters course = new RouteParameters("courseId", entry.courseId().toString());
            RouterLink attendance = teaching
                    ? new RouterLink("Take attendance", AttendanceView.class,
                            new RouteParameters(Map.of("courseId", entry.courseId().toString(), "sessionId", entry.sourceId().toString())))
                    : new RouterLink("My attendance in this course", CourseAttendanceView.class, course);
            attendance.getElement().addEventListener("click", e -> details.close());
            details.add(new Paragraph(attendance));
        }
        details.getFooter().add(new Button("Close", e -> details.close()));
        details.setWidth("min(28rem, 95vw)");
        details.open();
    }

    private void newEvent(LocalDate day) {
        LocalDateTime start = day.equals(LocalDate.now(zone))
                ? LocalDateTime.now(zone).plusHours(1).withMinute(0).withSecond(0).withNano(0) : day.atTime(9, 0);
        new EventDialog(null, start, zone, form -> {
            var saved = calendar.create(user, form);
            if (saved.problems().isEmpty()) {
                Notification.show("Event added.");
                render();
            }
            return saved.problems();
        }, null).open();
    }

    private List<CalendarEntry> entries(LocalDate from, LocalDate toExclusive) {
        return calendar.entries(user, startOf(from), startOf(toExclusive));
    }

    /** The entries on a day: those overlapping it, so a session across midnight shows on both days. */
    private List<CalendarEntry> on(List<CalendarEntry> entries, LocalDate day) {
        Instant start = startOf(day);
        Instant end = startOf(day.plusDays(1));
        return entries.stream().filter(e -> e.startsAt().isBefore(end) && (e.endsAt().isAfter(start) || e.startsAt().equals(start))).toList();
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
