package com.classentra.legal.ui;

import com.classentra.legal.SubprocessorObjections;
import com.classentra.legal.SubprocessorObjections.ChangeForWorkspace;
import com.classentra.shell.PublicLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;

/**
 * The page a subprocessor notice links to: the change, and the workspace's objection. The signed link is the
 * credential: it went only to the workspace's privacy contact, who may have no account here.
 */
@Route(value = "subprocessor-changes/:token", layout = PublicLayout.class)
@PageTitle("Subprocessor change · Classentra")
@AnonymousAllowed
public class SubprocessorNoticeView extends Main implements BeforeEnterObserver {

    private final transient SubprocessorObjections objections;

    public SubprocessorNoticeView(SubprocessorObjections objections) {
        this.objections = objections;
        addClassNames("legal-page", "subprocessor-notice");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<ChangeForWorkspace> shown = objections.byNotice(token);
        if (shown.isEmpty()) {
            // Altered, incomplete or made up: the not-found page, as for any address that leads nowhere.
            event.rerouteToError(NotFoundException.class, "This link does not work. Open it again from the email.");
            return;
        }
        ChangeForWorkspace change = shown.get();
        add(new H1(change.change().processorAfter() + " for " + change.change().slot().displayName()),
                new Paragraph("Announced to " + change.workspaceName() + " as its privacy contact."),
                new ObjectionForm(change, reason -> objections.objectByNotice(token, reason)),
                new Anchor("subprocessors", "All subprocessors and upcoming changes"));
    }
}
