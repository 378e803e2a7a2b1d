package com.classentra.legal.ui;

import com.classentra.legal.SubprocessorChanges;
import com.classentra.legal.SubprocessorList;
import com.classentra.legal.SubprocessorList.Change;
import com.classentra.legal.SubprocessorList.LocalService;
import com.classentra.legal.SubprocessorList.Subprocessor;
import com.classentra.legal.SubprocessorList.Upcoming;
import com.classentra.shell.ClientTime;
import com.classentra.shell.PublicLayout;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;

/** The public subprocessor page, generated from the providers that actually run (see {@link SubprocessorList}). */
@Route(value = "subprocessors", layout = PublicLayout.class)
@PageTitle("Subprocessors · Classentra")
@AnonymousAllowed
public class SubprocessorsPage extends Main {


    public SubprocessorsPage(SubprocessorList subprocessors) {
        addClassNames("legal-page", "subprocessors-page");
        String operator = subprocessors.settings().operator();
        List<Subprocessor> active = subprocessors.active();
        Paragraph updated = new Paragraph("Last updated " + ClientTime.formatDate(subprocessors.lastUpdated()));
        updated.addClassName("legal-updated");
        add(new H1("Subprocessors"), updated);
        add(new Paragraph(operator + " uses the third-party subprocessors below to provide this service. This list is generated "
                + "from the providers the service actually runs with."));
        add(new Paragraph("Organization workspaces are told of a new or replaced subprocessor at least " + SubprocessorChanges.NOTICE_DAYS
                + " days before it takes effect, by email to their privacy contact, and may object in writing within that window. "
                + "Only an outage can justify a change at once; the change log below then says why."));
        if (active.isEmpty()) {
            add(new Paragraph("No third party receives personal data: every part of this service runs on its own servers."));
        } else {
            add(new H2("Active subprocessors"), new SubprocessorTable(active));
        }
        List<LocalService> local = subprocessors.onThisServer();
        if (!local.isEmpty()) {
            UnorderedList list = new UnorderedList();
            local.forEach(service -> list.add(new ListItem(service.usedFor() + ": " + service.purpose())));
            add(new H2("Kept on this service's own servers"), list);
        }
        List<Upcoming> upcoming = subprocessors.upcoming();
        if (!upcoming.isEmpty()) {
            add(new H2("Upcoming changes"), upcoming(upcoming));
        }
        add(new H2("Subprocessor changes"), changes(subprocessors.changes(20)));
        String contact = subprocessors.settings().privacyContact();
        if (contact != null && !contact.isBlank()) {
            add(new H2("Contact"), new Paragraph("For questions about this list, or to object to a new subprocessor, write to " + contact + "."));
        }
    }

    private static UnorderedList changes(List<Change> changes) {
        UnorderedList list = new UnorderedList();
        if (changes.isEmpty()) {
            list.add(new ListItem("Initial publication."));
        }
        for (Change change : changes) {
            ListItem item = new ListItem(ClientTime.formatDate(change.at().toInstant()) + " · " + change.usedFor() + ": " + name(change.before())
                    + " replaced by " + name(change.after()));
            if (change.emergencyReason() != null) {
                Span emergency = new Span("Emergency change, without notice: " + change.emergencyReason());
                emergency.addClassName("subprocessor-emergency");
                item.add(new Text(" "), emergency);
            }
            list.add(item);
        }
        return list;
    }

    /** Each announced switch with its date, and the company it brings, in the table's terms. */
    private static Div upcoming(List<Upcoming> upcoming) {
        UnorderedList list = new UnorderedList();
        for (Upcoming change : upcoming) {
            list.add(new ListItem("From " + ClientTime.formatDate(change.effectiveOn()) + " · " + change.usedFor() + ": "
                    + name(change.before()) + " replaced by " + change.after().legalEntity()));
        }
        return new Div(list, new SubprocessorTable(upcoming.stream().map(Upcoming::after).toList()));
    }

    private static String name(String company) {
        return company == null ? "this service's own servers" : company;
    }
}
