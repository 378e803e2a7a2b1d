package com.classentra.shell;

import com.classentra.platform.errors.ErrorCapture;
import com.classentra.platform.errors.ErrorPage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An unexpected error in a view tells the person plainly that nothing happened and gives a reference
 * that support can find in the log; the stack trace goes to the log, and a scrubbed report to the errors
 * slot's provider when there is one ({@link ErrorCapture}).
 */
@Component
class FriendlyErrors implements VaadinServiceInitListener {

    private final ErrorCapture capture;

    FriendlyErrors(ErrorCapture capture) {
        this.capture = capture;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent error) {
        Optional<Throwable> refusal = refusal(error.getThrowable());
        if (refusal.isPresent()) {
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notification.show(refusal.get().getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_WARNING));
            }
            return;
        }
        UI ui = UI.getCurrent();
        String route = ui == null || ui.getInternals().getActiveViewLocation() == null ? "(no view)"
                : "/" + ui.getInternals().getActiveViewLocation().getPath();
        String reference = report(capture, error.getThrowable(), route);
        if (ui != null) {
            ErrorPage page = ErrorPage.serverError(reference);
            ui.access(() -> Notification.show(page.explanation() + " " + page.referenceLine(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR));
        }
    }

    /** Logs and captures an unexpected error in the UI; returns the reference the person is shown. */
    static String report(ErrorCapture capture, Throwable error, String route) {
        VaadinRequest request = VaadinRequest.getCurrent();
        Principal person = request != null ? request.getUserPrincipal() : SecurityContextHolder.getContext().getAuthentication();
        return capture.report(error, ErrorCapture.Source.VAADIN, route, person, List.of());
    }

    /**
     * An exception that refuses the request for a reason the person can act on (marked with a 4xx
     * {@link ResponseStatus}, or access denied): its message is shown as it is, and nothing is logged as an error.
     */
    static Optional<Throwable> refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            ResponseStatus status = t.getClass().getAnnotation(ResponseStatus.class);
            if ((status != null && status.value().is4xxClientError()) || t instanceof AccessDeniedException) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The HTTP status of a {@link #refusal}: 403 for access denied, else its {@link ResponseStatus}. */
    static int status(Throwable refusal) {
        ResponseStatus status = refusal.getClass().getAnnotation(ResponseStatus.class);
        return status == null ? HttpServletResponse.SC_FORBIDDEN : status.value().value();
    }
}
