package com.classentra.legal.ui;

import com.classentra.legal.PolicyDocuments;
import com.classentra.legal.PolicyDocuments.Document;
import com.classentra.legal.PolicyKind;
import com.classentra.legal.PolicyText;
import com.classentra.shell.ClientTime;
import com.classentra.shell.PublicLayout;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;

/**
 * A legal document as published, formatted from its Markdown (processors filled in, {@link PolicyText}), with the day
 * this version was published ("Last updated") and its effective date, its version and the
 * SHA-256 that acceptances record; the exact text accepted is linked as plain text.
 */
@Route(value = "legal/:slug", layout = PublicLayout.class)
@PageTitle("Legal · Classentra")
@AnonymousAllowed
public class LegalDocumentView extends Main implements BeforeEnterObserver {


    private final transient PolicyDocuments documents;
    private final transient PolicyText text;

    public LegalDocumentView(PolicyDocuments documents, PolicyText text) {
        this.documents = documents;
        this.text = text;
        addClassName("legal-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PolicyKind kind = event.getRouteParameters().get("slug").flatMap(PolicyKind::fromSlug).orElse(null);
        if (kind == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        Optional<Document> upcoming = documents.upcoming(kind);
        boolean showUpcoming = upcoming.isPresent() && event.getLocation().getQueryParameters().getParameters().containsKey("upcoming");
        Document document = showUpcoming ? upcoming.get() : documents.current(kind);
        removeAll();
        add(new H1(kind.title()));
        upcoming.ifPresent(next -> add(changeNotice(kind, next, showUpcoming)));
        Paragraph updated = new Paragraph("Last updated " + ClientTime.formatDate(document.publishedAt()));
        updated.addClassName("legal-updated");
        add(updated);
        document.effective().ifPresent(date -> {
            Paragraph effective = new Paragraph("Effective " + ClientTime.formatDate(date));
            effective.addClassName("legal-effective");
            add(effective);
        });
        add(LegalMarkdown.render(text.markdown(document)), version(kind, document));
    }

    /** Above the text while a new version waits for its day: which one this is, and the way to the other. */
    private static Paragraph changeNotice(PolicyKind kind, Document next, boolean showingNext) {
        String day = next.effective().map(ClientTime::formatDate).orElse("");
        Paragraph notice = showingNext
                ? new Paragraph(new Text("This new version takes effect on " + day + ". Until then "), new Anchor("legal/" + kind.slug(),
                        "the current version"), new Text(" applies."))
                : new Paragraph(new Text("A new version takes effect on " + day + ". "), new Anchor("legal/" + kind.slug() + "?upcoming",
                        "Read the new version"));
        notice.addClassName("legal-change-notice");
        return notice;
    }

    /** What an acceptance records, under the text: the version, its hash, and the exact text that was hashed. */
    private static Footer version(PolicyKind kind, Document document) {
        Span hash = new Span(document.sha256());
        hash.addClassName("legal-hash");
        Footer meta = new Footer(new Text("Version " + document.version() + " · SHA-256 "), hash, new Text(" · "),
                new Anchor("legal/" + kind.slug() + ".txt", "plain text"));
        meta.addClassName("legal-meta");
        return meta;
    }
}
