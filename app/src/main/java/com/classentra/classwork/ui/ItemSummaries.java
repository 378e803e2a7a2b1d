package com.classentra.classwork.ui;

import com.classentra.classwork.CourseItem;
import com.classentra.classwork.ExternalLinks;
import com.classentra.files.StoredFileInfo;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The one-line facts of an item (due date, session time, link host) and its attachment links, shared by the course and item pages. */
final class ItemSummaries {

    private ItemSummaries() {
    }

    static String facts(CourseItem item) {
        return switch (item.kind()) {
            case ASSIGNMENT -> (item.dueAt() == null ? "No due date" : "Due " + ClientTime.format(item.dueAt())) + " · "
                    + switch (item.gradingScale()) {
                        case POINTS -> item.pointsPossible().stripTrailingZeros().toPlainString() + " points";
                        case PERCENT -> "graded in %";
                        case LETTER -> "letter grade";
                    };
            case SESSION -> ClientTime.format(item.startsAt()) + " · " + item.durationMinutes() + " min"
                    + (item.meetingUrl() == null ? "" : " · " + ExternalLinks.meetingProvider(item.meetingUrl()));
            case LINK -> ExternalLinks.host(item.linkUrl());
            case NOTE -> item.shared() ? "Shared with students" : "Only teachers see this";
            default -> "Posted " + ClientTime.format(item.createdAt());
        };
    }

    /** A link to an outside page that says where it leads and never gets this page's window. */
    static Anchor external(String url, String text) {
        Anchor anchor = new Anchor(url, text, AnchorTarget.BLANK);
        anchor.getElement().setAttribute("rel", "noopener noreferrer nofollow");
        return anchor;
    }

    static Component files(java.util.List<StoredFileInfo> files) {
        Div list = new Div();
        list.addClassName("attachments");
        for (StoredFileInfo file : files) {
            Anchor link = new Anchor(file.downloadPath(), "");
            link.setRouterIgnore(true);
            link.add(VaadinIcon.PAPERCLIP.create(), new Span(file.filename()));
            Span size = new Span(file.sizeLabel());
            size.addClassName("attachment-size");
            Div row = new Div(link, size);
            row.addClassName("attachment");
            list.add(row);
        }
        return list;
    }
}
