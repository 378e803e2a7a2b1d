package com.classentra.admin.ui;

import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.OutboxEntry;
import com.classentra.platform.outbox.OutboxEntry.Status;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.ClientTime;
import com.classentra.shell.NarrowWindow;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The email outbox: what is waiting, what went out through which provider, and dead letters to retry. */
@Route("admin/outbox")
@Menu(title = "Email outbox", order = 8, icon = "vaadin:envelopes-o")
@PageTitle("Email outbox · Classentra")
@RolesAllowed("ADMIN")
public class OutboxView extends Main {


    private final transient EmailOutbox outbox;
    private final UUID actor;
    private final Grid<OutboxEntry> grid = new Grid<>(OutboxEntry.class, false);
    private final Select<Status> statusFilter = new Select<>();

    public OutboxView(EmailOutbox outbox, AuthenticationContext authentication) {
        this.outbox = outbox;
        this.actor = authentication.getAuthenticatedUser(SignedInUser.class).map(SignedInUser::id).orElse(null);
        addClassName("console");

        statusFilter.setLabel("Status");
        statusFilter.setItems(Arrays.asList(Status.values()));
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption("All");
        statusFilter.addValueChangeListener(e -> refresh());
        Button reload = new Button("Refresh", e -> refresh());
        HorizontalLayout tools = new HorizontalLayout(statusFilter, reload);
        tools.setAlignItems(HorizontalLayout.Alignment.BASELINE);

        Grid.Column<OutboxEntry> queued = grid.addColumn(e -> format(e.createdAt())).setHeader("Queued").setAutoWidth(true);
        Grid.Column<OutboxEntry> to = grid.addColumn(OutboxEntry::toAddress).setHeader("To").setAutoWidth(true);
        grid.addComponentColumn(OutboxView::subject).setHeader("Subject").setFlexGrow(1);
        grid.addComponentColumn(e -> badge(e.status())).setHeader("Status").setAutoWidth(true);
        Grid.Column<OutboxEntry> attempts = grid.addColumn(OutboxEntry::attempts).setHeader("Attempts").setAutoWidth(true);
        Grid.Column<OutboxEntry> outcome = grid.addColumn(e -> e.status() == Status.SENT ? e.providerId() + " · " + format(e.sentAt())
                : e.lastError() == null ? "" : e.lastError()).setHeader("Provider / last error").setFlexGrow(1);
        // A phone keeps what (with whom it is for under it), the status and the retry; the rest needs a wider window.
        NarrowWindow.follow(this, phone -> {
            List.of(queued, to, attempts, outcome).forEach(column -> column.setVisible(!phone));
            grid.setClassName("narrow", phone);
        });
        grid.addComponentColumn(this::retryButton).setHeader("").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No email in the outbox.");

        add(new ViewHeader("Email outbox", "Every email the platform sends goes through here. Dead letters can be sent again."), tools, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(outbox.recent(statusFilter.getValue(), 500));
    }

    private Button retryButton(OutboxEntry entry) {
        Button retry = new Button("Retry", e -> {
            boolean requeued = outbox.retry(entry.id(), actor);
            Notification.show(requeued ? "Queued again: " + entry.toAddress() : "This email is no longer a dead letter.");
            refresh();
        });
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        retry.setVisible(entry.status() == Status.DEAD);
        return retry;
    }

    private static Span badge(Status status) {
        Span badge = new Span(status.name().toLowerCase());
        badge.getElement().getThemeList().add("badge " + switch (status) {
            case SENT -> "success";
            case DEAD -> "error";
            case PENDING, SENDING -> "contrast";
        });
        return badge;
    }

    private static String format(OffsetDateTime time) {
        return time == null ? "" : ClientTime.format(time.toInstant());
    }

    private static Component subject(OutboxEntry entry) {
        Span to = new Span("to " + entry.toAddress());
        to.addClassName("phone-facts");
        return new Div(new Span(entry.subject()), to);
    }
}
