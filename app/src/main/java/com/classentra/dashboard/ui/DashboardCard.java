package com.classentra.dashboard.ui;

import com.classentra.shell.EmptyState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;

/** A dashboard card: an icon and a title over a list of entries, or an empty state saying why there are none. */
final class DashboardCard {

    private DashboardCard() {
    }

    static Component of(VaadinIcon icon, String title, String whenEmpty, List<Component> entries) {
        return entries.isEmpty() ? new EmptyState(icon, title, whenEmpty) : list(icon, title, entries);
    }

    /** A card whose empty state leads to the first step, as a new teacher's courses card does. */
    static Component of(VaadinIcon icon, String title, String whenEmpty, Component firstStep, List<Component> entries) {
        return entries.isEmpty() ? new EmptyState(icon, title, whenEmpty, firstStep) : list(icon, title, entries);
    }

    private static Component list(VaadinIcon icon, String title, List<Component> entries) {
        Div card = new Div(icon.create(), new H2(title));
        card.addClassName("dashboard-card");
        UnorderedList list = new UnorderedList();
        entries.forEach(entry -> list.add(new ListItem(entry)));
        card.add(list);
        return card;
    }

    /** One line of a card: a link to what it is about, a line of detail (may be null) and optional tags (e.g. "Missing"). */
    static Component entry(String href, String title, String detail, Component... trailing) {
        Anchor link = new Anchor(href, title);
        link.addClassName("entry-title");
        Div text = new Div(link);
        text.addClassName("entry-text");
        if (detail != null) {
            Span meta = new Span(detail);
            meta.addClassName("entry-detail");
            text.add(meta);
        }
        Div entry = new Div(text);
        entry.addClassName("entry");
        if (trailing.length > 0) {
            Div tags = new Div(trailing);
            tags.addClassName("entry-tags");
            entry.add(tags);
        }
        return entry;
    }

    static Component tag(String text, String kind) {
        Span tag = new Span(text);
        tag.addClassNames("entry-tag", kind);
        return tag;
    }

    /** Opens the meeting in a new tab; the meeting provider's page must not reach back into ours. */
    static Component joinLink(String meetingUrl, String sessionTitle) {
        Anchor join = new Anchor(meetingUrl, "Join", AnchorTarget.BLANK);
        join.getElement().setAttribute("rel", "noopener noreferrer");
        join.getElement().setAttribute("aria-label", "Join " + sessionTitle);
        join.addClassName("join-link");
        return join;
    }
}
