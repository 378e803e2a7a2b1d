package com.classentra.messaging.ui;

import com.classentra.messaging.ChatMessage;
import com.classentra.messaging.MessagingService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The messages of the open channel, oldest at the top. Scrolling near the top loads the page before (keyset: the
 * messages before the first one shown), keeping the message that was first in view; the button at the top does the same
 * for keyboards and for a first page too short to scroll. A new latest page from the channel's feed replaces only what
 * it covers, so earlier pages the person scrolled back to stay, and only the cards of the changed tail are redrawn.
 */
final class MessageList extends Div {

    /** Where earlier messages come from, how one is drawn, and the way back from a marked message. */
    interface Source {
        List<ChatMessage> before(long seq);

        Component card(ChatMessage message, ChatMessage answered, boolean highlighted);

        void backToLatest();
    }

    /** How close to the top, in pixels, scrolling starts loading the page before. */
    private static final int LOAD_WITHIN = 240;

    private final Source source;
    private final List<ChatMessage> shown = new ArrayList<>();
    private final Map<UUID, ChatMessage> byId = new HashMap<>();
    private final Map<UUID, Component> cards = new HashMap<>();
    private final Button earlier = new Button("Show earlier messages", e -> loadEarlier());
    private final Paragraph empty = new Paragraph("No messages yet. Say hello.");
    private boolean earlierExist;
    private UUID highlighted;
    /** The seq of the latest page's first message: what is above it the feed's pages do not cover. */
    private long latestFrom = Long.MAX_VALUE;

    MessageList(Source source) {
        this.source = source;
        addClassName("chat-messages");
        earlier.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        earlier.addClassName("chat-earlier");
        // Sent only near the top, once scrolling pauses: no round trip per scrolled pixel.
        getElement().addEventListener("scroll", e -> loadEarlier()).setFilter("element.scrollTop < " + LOAD_WITHIN).debounce(150);
    }

    /**
     * Keeps the list at its end while the person is there: also when its height settles after the page's styles arrive
     * (a first load), which would otherwise leave it at the top, where it would load earlier pages nobody asked for.
     */
    @Override
    protected void onAttach(AttachEvent attachEvent) {
        getElement().executeJs("""
                if (this.__endObserver) return;
                this.__atEnd = true;
                this.addEventListener('scroll', () => { this.__atEnd = this.scrollTop + this.clientHeight >= this.scrollHeight - 40; });
                this.__endObserver = new ResizeObserver(() => { if (this.__atEnd) this.scrollTop = this.scrollHeight; });
                this.__endObserver.observe(this);""");
    }

    /** Forgets what was shown: another channel is opened in the same view. */
    void clear() {
        replace(List.of(), null);
    }

    /** Shows this page instead of whatever was shown (another channel, a search hit marked as {@code highlight}). */
    void replace(List<ChatMessage> page, UUID highlight) {
        highlighted = highlight;
        shown.clear();
        byId.clear();
        cards.clear();
        removeAll();
        earlierExist = page.size() >= MessagingService.PAGE;
        latestFrom = page.isEmpty() ? Long.MAX_VALUE : page.getFirst().seq();
        add(earlier, empty);
        append(page);
        settle();
        if (highlight != null) {
            Button back = new Button("Back to the latest messages", e -> source.backToLatest());
            back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(back);
            getElement().executeJs("this.__atEnd = false; const m = this.querySelector('.highlighted'); if (m) m.scrollIntoView({block: 'center'})");
        } else {
            scrollToEnd();
        }
    }

    /**
     * Shows the channel's latest page: what is shown from its first message on is replaced by it, earlier pages stay.
     *
     * @return whether anything changed (an unchanged page is not redrawn: a click on it is never lost to a redraw)
     */
    boolean latest(List<ChatMessage> page) {
        if (highlighted != null || page.isEmpty() || shown.isEmpty()) {
            boolean changed = highlighted != null || !page.equals(shown) || getChildren().findAny().isEmpty();
            if (changed) {
                replace(page, null);
            }
            return changed;
        }
        long firstSeq = page.getFirst().seq();
        int from = 0;
        while (from < shown.size() && shown.get(from).seq() < firstSeq) {
            from++;
        }
        if (from == shown.size() && page.size() >= MessagingService.PAGE) {
            // A full page past everything shown: messages between the two may be missing, so start again from it.
            replace(page, null);
            return true;
        }
        List<ChatMessage> tail = shown.subList(from, shown.size());
        if (tail.equals(page)) {
            return false;
        }
        for (ChatMessage gone : List.copyOf(tail)) {
            byId.remove(gone.id());
            Component card = cards.remove(gone.id());
            if (card != null) {
                remove(card);
            }
        }
        tail.clear();
        latestFrom = firstSeq;
        append(page);
        settle();
        scrollToEnd();
        return true;
    }

    /** Whether the message is shown above the latest page, where that page's redraws do not reach it. */
    boolean aboveLatest(ChatMessage message) {
        return highlighted == null && byId.containsKey(message.id()) && message.seq() < latestFrom;
    }

    /** Redraws the messages shown that changed (a reaction to one far up), each where it is. */
    void update(List<ChatMessage> fresh) {
        for (ChatMessage message : fresh) {
            ChatMessage before = byId.get(message.id());
            if (before == null || before.equals(message)) {
                continue;
            }
            shown.set(shown.indexOf(before), message);
            byId.put(message.id(), message);
            Component old = cards.get(message.id());
            Component card = card(message);
            int at = getElement().indexOfChild(old.getElement());
            remove(old);
            addComponentAtIndex(at, card);
            cards.put(message.id(), card);
        }
    }

    private void loadEarlier() {
        if (!earlierExist || shown.isEmpty()) {
            return;
        }
        ChatMessage first = shown.getFirst();
        List<ChatMessage> page = source.before(first.seq());
        earlierExist = page.size() >= MessagingService.PAGE;
        shown.addAll(0, page);
        page.forEach(message -> byId.put(message.id(), message));
        // After the button and the empty line, before the first card.
        int at = 2;
        for (ChatMessage message : page) {
            Component card = card(message);
            cards.put(message.id(), card);
            addComponentAtIndex(at++, card);
        }
        settle();
        // Keep the message that was first where the eye was: just below the messages that came in above it.
        getElement().executeJs("const m = this.querySelector('[data-message=\"' + $0 + '\"]');"
                + " if (m) this.scrollTop += m.getBoundingClientRect().top - this.getBoundingClientRect().top - 48", first.id().toString());
    }

    private void append(List<ChatMessage> page) {
        page.forEach(message -> byId.put(message.id(), message));
        for (ChatMessage message : page) {
            shown.add(message);
            Component card = card(message);
            cards.put(message.id(), card);
            add(card);
        }
    }

    private Component card(ChatMessage message) {
        return source.card(message, message.parentId() == null ? null : byId.get(message.parentId()), message.id().equals(highlighted));
    }

    private void settle() {
        earlier.setVisible(earlierExist && !shown.isEmpty());
        empty.setVisible(shown.isEmpty());
    }

    private void scrollToEnd() {
        getElement().executeJs("this.__atEnd = true; this.scrollTop = this.scrollHeight");
    }
}
