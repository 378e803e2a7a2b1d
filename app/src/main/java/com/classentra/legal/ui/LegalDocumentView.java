package com.classentra.legal.ui;

import com.classentra.legal.PolicyDocuments;
import com.classentra.legal.PolicyDocuments.Document;
import com.classentra.legal.PolicyKind;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** A legal document as published, with its version and the SHA-256 that acceptances record. */
@Route(value = "legal/:slug", autoLayout = false)
@PageTitle("Legal · Classentra")
@AnonymousAllowed
public class LegalDocumentView extends Main implements BeforeEnterObserver {

    private final transient PolicyDocuments documents;

    public LegalDocumentView(PolicyDocuments documents) {
        this.documents = documents;
        addClassName("legal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PolicyKind kind = event.getRouteParameters().get("slug").flatMap(PolicyKind::fromSlug).orElse(null);
        if (kind == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        Document document = documents.current(kind);
        Paragraph meta = new Paragraph("Version " + document.version() + " · SHA-256 " + document.sha256() + " · ");
        meta.add(new Anchor("legal/" + kind.slug() + ".txt", "plain text"));
        meta.addClassName("legal-meta");
        Pre body = new Pre(document.body());
        body.addClassName("legal-text");
        removeAll();
        add(new H1(kind.title()), meta, body);
    }
}
