package com.classentra.shell;

import com.classentra.platform.errors.ErrorCapture;
import com.classentra.platform.errors.ErrorPage;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Opening a view failed. An unexpected error is a 500 with the reference support finds in the log (as
 * {@link FriendlyErrors} gives for a failed action); a refusal that escaped the view (access denied, a 4xx
 * exception such as a course not found) is the page of its status, and not an error.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ServerErrorView extends ErrorView implements HasErrorParameter<Exception> {

    private final transient ErrorCapture capture;

    public ServerErrorView(ErrorCapture capture) {
        this.capture = capture;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Throwable thrown = parameter.getCaughtException();
        return FriendlyErrors.refusal(thrown)
                .map(refusal -> show(ErrorPage.forStatus(FriendlyErrors.status(refusal), null)))
                .orElseGet(() -> show(ErrorPage.serverError(FriendlyErrors.report(capture, thrown, "/" + event.getLocation().getPath()))));
    }
}
