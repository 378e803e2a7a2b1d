package com.classentra.messaging.ui;

import com.classentra.messaging.ChatMessage;
import com.classentra.messaging.ChatText;
import com.classentra.messaging.MessagingRefusedException;
import com.classentra.files.FileService;
import com.classentra.files.FileStorageException;
import com.classentra.files.StagedUpload;
import com.classentra.files.ui.AttachmentUpload;
import com.classentra.messaging.MessagingService;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The box to write in: a new message, a reply (one level) or an edit of one's own, in the chat's own light markup. Tells
 * the channel that the person is typing, at most every few seconds.
 */
class Composer extends Div {

    private static final Duration TYPING_EVERY = Duration.ofSeconds(3);

    /** What the view does with what was written; a refusal is shown under the box. */
    interface Target {
        void post(String html, ChatMessage replyingTo, List<StagedUpload> files);

        void edit(ChatMessage message, String html);

        void typing();
    }

    private final TextArea text = new TextArea();
    private final Button send = new Button("Send");
    private final Span context = new Span();
    private final Button cancel = new Button("Cancel");
    private final Div contextBar = new Div(context, cancel);
    private final AttachmentUpload attachments;
    private final Button attach = new Button("Attach files", VaadinIcon.PAPERCLIP.create());
    private final Target target;
    private ChatMessage replyingTo;
    private ChatMessage editing;
    private Instant lastTyping = Instant.EPOCH;

    Composer(Target target, FileService files, int maxFiles) {
        this.target = target;
        this.attachments = new AttachmentUpload(files, "Files for this message", maxFiles);
        attachments.setVisible(false);
        attachments.addClassName("chat-attachments-upload");
        attach.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        attach.addClickListener(e -> attachments.setVisible(!attachments.isVisible()));
        addClassName("chat-composer");
        contextBar.addClassName("chat-composer-context");
        contextBar.setVisible(false);
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> reset());
        text.setPlaceholder("Write a message. **bold**, *italics*, `code`, @Name mentions; Ctrl+Enter sends.");
        text.setAriaLabel("Your message");
        text.setMaxLength(MessagingService.MAX_TEXT);
        text.setWidthFull();
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setValueChangeTimeout(400);
        text.addValueChangeListener(e -> {
            if (e.isFromClient() && !e.getValue().isBlank() && Instant.now().isAfter(lastTyping.plus(TYPING_EVERY))) {
                lastTyping = Instant.now();
                target.typing();
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> submit());
        send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        Div row = new Div(text, send);
        row.addClassName("chat-composer-row");
        add(contextBar, row, attach, attachments);
    }

    void replyTo(ChatMessage message, String authorName) {
        editing = null;
        replyingTo = message;
        context.setText("Replying to " + authorName + ": " + MessageCard.excerpt(message.bodyHtml()));
        contextBar.setVisible(true);
        send.setText("Send");
        text.focus();
    }

    void edit(ChatMessage message) {
        replyingTo = null;
        editing = message;
        context.setText("Editing your message (its files stay as they are)");
        contextBar.setVisible(true);
        send.setText("Save");
        text.setValue(ChatText.toTyped(message.bodyHtml()));
        text.focus();
    }

    void setReadOnly(boolean readOnly, String why) {
        text.setEnabled(!readOnly);
        send.setEnabled(!readOnly);
        attach.setEnabled(!readOnly);
        if (readOnly) {
            text.setPlaceholder(why);
        }
    }

    private void submit() {
        try {
            String html = ChatText.toHtml(text.getValue());
            if (editing != null) {
                target.edit(editing, html);
            } else {
                if (!attachments.readyToSave()) {
                    return;
                }
                target.post(html, replyingTo, attachments.takeStaged());
                attachments.reset();
                attachments.setVisible(false);
            }
            reset();
        } catch (MessagingRefusedException | RateLimitedException | FileStorageException refused) {
            text.setErrorMessage(refused.getMessage());
            text.setInvalid(true);
        }
    }

    private void reset() {
        replyingTo = null;
        editing = null;
        contextBar.setVisible(false);
        send.setText("Send");
        text.clear();
        text.setInvalid(false);
    }
}
