package com.classentra.messaging.ui;

import com.classentra.messaging.Channel;
import com.classentra.messaging.ChannelKind;
import com.classentra.messaging.ChatModeration;
import com.classentra.messaging.ChatReading;
import com.classentra.messaging.ChatSearch;
import com.classentra.messaging.MessageReport;
import com.classentra.messaging.ChatChannels;
import com.classentra.messaging.ChatChannels.Contact;
import com.classentra.platform.security.SignedInUser;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Above the open channel: search through the course's chat, muting the channel's notifications, and for teachers
 * whether students may write to each other and the reported messages waiting for them.
 */
class ChatToolbar extends Div {

    private final transient ChatChannels channels;
    private final transient ChatReading reading;
    private final transient ChatModeration moderation;
    private final transient ChatSearch search;
    private final SignedInUser user;

    ChatToolbar(ChatChannels channels, ChatReading reading, ChatModeration moderation, ChatSearch search, SignedInUser user) {
        this.channels = channels;
        this.reading = reading;
        this.moderation = moderation;
        this.search = search;
        this.user = user;
        addClassName("chat-toolbar");
    }

    /**
     * @param open opens a channel at a message
     * @param act  runs a change, showing a refusal
     */
    void show(UUID courseId, Channel channel, boolean teaching, BiConsumer<UUID, UUID> open, Consumer<Runnable> act) {
        removeAll();
        TextField searchField = new TextField();
        searchField.setPlaceholder("Search this course's chat");
        searchField.setAriaLabel("Search this course's chat");
        searchField.setPrefixComponent(VaadinIcon.SEARCH.create());
        searchField.setClearButtonVisible(true);
        searchField.addKeyPressListener(Key.ENTER, e -> act.accept(() -> {
            String words = searchField.getValue().strip();
            if (!words.isEmpty()) {
                Map<UUID, String> names = names(courseId);
                names.put(user.id(), user.displayName());
                ChatDialogs.searchResults(words, search.search(user, courseId, words), names, hit -> open.accept(hit.channelId(), hit.messageId())).open();
            }
        }));
        Checkbox muted = new Checkbox("Mute notifications", reading.notificationsMuted(user, channel.id()));
        muted.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                reading.muteNotifications(user, channel.id(), e.getValue());
            }
        });
        add(searchField, muted);
        if (teaching && channel.kind() == ChannelKind.COURSE) {
            Checkbox studentsDirect = new Checkbox("Students may message each other", channel.studentsMayMessageEachOther());
            studentsDirect.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    channels.allowStudentDirectMessages(user, courseId, e.getValue());
                }
            });
            add(studentsDirect);
        }
        if (teaching) {
            List<MessageReport> waiting = moderation.openReports(user, courseId);
            Button reports = new Button(waiting.isEmpty() ? "Reports" : "Reports (" + waiting.size() + ")", e -> ChatDialogs.reports(
                    moderation.openReports(user, courseId), names(courseId), report -> open.accept(report.channelId(), report.messageId()),
                    report -> act.accept(() -> moderation.resolve(user, courseId, report.id()))).open());
            reports.addThemeVariants(ButtonVariant.LUMO_SMALL, waiting.isEmpty() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_ERROR);
            add(reports);
        }
    }

    private Map<UUID, String> names(UUID courseId) {
        return channels.contacts(user, courseId).stream().collect(Collectors.toMap(Contact::id, Contact::name, (a, b) -> a, java.util.HashMap::new));
    }
}
