package com.classentra.messaging.ui;

import com.classentra.files.StoredFileInfo;
import com.classentra.files.UploadRules;
import com.classentra.messaging.ChatMessage;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One message as a channel shows it: who and when, the text, reactions, "seen by", and what the reader may do with it. */
class MessageCard extends Div {

    /** The emoji offered for a quick reaction. */
    static final List<String> QUICK_REACTIONS = List.of("👍", "❤️", "😂", "🎉", "😮", "🙏");

    /** What the reader can do with a message; the view carries each out and redraws. */
    interface Actions {
        void react(ChatMessage message, String emoji);

        void unreact(ChatMessage message, String emoji);

        void reply(ChatMessage message);

        void edit(ChatMessage message);

        void delete(ChatMessage message);

        void pin(ChatMessage message, boolean pinned);

        void report(ChatMessage message);

        void muteAuthor(ChatMessage message);
    }

    /**
     * @param moderator the reader teaches the course and this is not a direct channel
     * @param answered  the message this one replies to, when it is shown
     */
    MessageCard(ChatMessage message, UUID reader, boolean moderator, Map<UUID, String> names, ChatMessage answered, boolean highlighted, Actions actions) {
        addClassName("chat-message");
        getElement().setAttribute("data-message", message.id().toString());
        boolean mine = reader.equals(message.authorId());
        if (message.parentId() != null) {
            addClassName("reply");
        }
        if (message.mentions().contains(reader)) {
            addClassName("mentions-me");
        }
        if (highlighted) {
            addClassName("highlighted");
        }
        Span author = new Span(names.getOrDefault(message.authorId(), "Deleted account"));
        author.addClassName("chat-author");
        Span time = new Span(ClientTime.format(message.createdAt()) + (message.editedAt() != null ? " · edited" : ""));
        time.addClassName("chat-time");
        Div header = new Div(author, time);
        header.addClassName("chat-message-header");
        if (message.pinned()) {
            Span pinned = new Span("Pinned");
            pinned.getElement().getThemeList().add("badge small contrast");
            header.add(pinned);
        }
        add(header);
        if (answered != null) {
            Paragraph quote = new Paragraph("↪ " + names.getOrDefault(answered.authorId(), "Deleted account") + ": "
                    + (answered.deleted() ? "message deleted" : excerpt(answered.bodyHtml())));
            quote.addClassName("chat-quote");
            add(quote);
        }
        if (message.deleted()) {
            Paragraph gone = new Paragraph("Message deleted");
            gone.addClassName("chat-deleted");
            add(gone);
            return;
        }
        if (!message.bodyHtml().isBlank()) {
            add(new Html("<div class=\"chat-body\">" + message.bodyHtml() + "</div>"));
        }
        if (!message.files().isEmpty()) {
            Div files = new Div();
            files.addClassName("chat-files");
            for (StoredFileInfo file : message.files()) {
                Anchor link = new Anchor(file.downloadPath(), file.filename());
                link.setRouterIgnore(true);
                link.setTarget("_blank");
                Span size = new Span(UploadRules.describe(file.contentType()).orElse("File") + " · " + file.sizeLabel());
                size.addClassName("chat-time");
                Div entry = new Div(VaadinIcon.FILE_O.create(), link, size);
                entry.addClassName("chat-file");
                files.add(entry);
            }
            add(files);
        }
        if (message.flagged() && (mine || moderator)) {
            Paragraph flagged = new Paragraph("This message links to a payment site outside Classentra; it waits for review.");
            flagged.addClassName("chat-flagged");
            add(flagged);
        }
        Div bar = new Div();
        bar.addClassName("chat-actions");
        message.reactions().forEach((emoji, people) -> {
            boolean reacted = people.contains(reader);
            Button reaction = new Button(emoji + " " + people.size(), e -> {
                if (reacted) {
                    actions.unreact(message, emoji);
                } else {
                    actions.react(message, emoji);
                }
            });
            reaction.addThemeVariants(ButtonVariant.LUMO_SMALL, reacted ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
            String who = String.join(", ", people.stream().map(id -> names.getOrDefault(id, "Someone")).toList());
            reaction.getElement().setAttribute("title", who);
            reaction.setAriaLabel(emoji + " from " + who + (reacted ? "; click to take yours back" : "; click to add yours"));
            bar.add(reaction);
        });
        if (!message.reactions().containsKey("👍")) {
            Button thumbs = new Button("👍", e -> actions.react(message, "👍"));
            thumbs.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            thumbs.setAriaLabel("React with thumbs up");
            bar.add(thumbs);
        }
        bar.add(menu(message, mine, moderator, actions));
        add(bar);
        if (!message.seenBy().isEmpty() && mine) {
            Span seen = new Span("Seen by " + String.join(", ", message.seenBy().stream().map(id -> names.getOrDefault(id, "someone")).toList()));
            seen.addClassName("chat-seen");
            add(seen);
        }
    }

    private static MenuBar menu(ChatMessage message, boolean mine, boolean moderator, Actions actions) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_SMALL, MenuBarVariant.LUMO_TERTIARY);
        MenuItem more = menu.addItem("More");
        more.setAriaLabel("More actions for this message");
        var sub = more.getSubMenu();
        MenuItem react = sub.addItem("React");
        for (String emoji : QUICK_REACTIONS) {
            react.getSubMenu().addItem(emoji, e -> actions.react(message, emoji));
        }
        sub.addItem("Reply", e -> actions.reply(message));
        if (mine) {
            sub.addItem("Edit", e -> actions.edit(message));
        }
        if (mine || moderator) {
            sub.addItem("Delete", e -> actions.delete(message));
        }
        if (moderator) {
            sub.addItem(message.pinned() ? "Unpin" : "Pin", e -> actions.pin(message, !message.pinned()));
        }
        if (!mine) {
            sub.addItem("Report to the teachers", e -> actions.report(message));
        }
        if (moderator && !mine && message.authorId() != null) {
            sub.addItem("Mute the author…", e -> actions.muteAuthor(message));
        }
        return menu;
    }

    /** The first words of a message, for a reply's quote. */
    static String excerpt(String html) {
        String text = org.jsoup.Jsoup.parse(html == null ? "" : html).text();
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
