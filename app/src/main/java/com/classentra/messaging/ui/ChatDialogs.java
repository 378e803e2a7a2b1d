package com.classentra.messaging.ui;

import com.classentra.messaging.ChatModeration;
import com.classentra.messaging.MessageReport;
import com.classentra.messaging.MessagingRefusedException;
import com.classentra.messaging.ChatChannels.Contact;
import com.classentra.messaging.SearchHit;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The chat's dialogs: a new topic channel, a report, a mute, the teachers' open reports, and search results. */
final class ChatDialogs {

    private ChatDialogs() {
    }

    /** A refusal the dialog shows beside its fields instead of closing. */
    interface Attempt {
        void run() throws MessagingRefusedException;
    }

    static Dialog newTopic(List<Contact> people, BiConsumer<String, List<UUID>> create) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New channel");
        TextField name = new TextField("Name");
        name.setMaxLength(80);
        name.setRequired(true);
        name.setWidthFull();
        MultiSelectComboBox<Contact> members = new MultiSelectComboBox<>("Only for");
        members.setItems(people);
        members.setItemLabelGenerator(Contact::name);
        members.setHelperText("Leave empty for everyone of the course; you are always in it.");
        members.setWidthFull();
        dialog.add(new Div(name, members));
        Button save = new Button("Create channel", e -> attempt(dialog, name::setErrorMessage, name::setInvalid,
                () -> create.accept(name.getValue(), members.getSelectedItems().stream().map(Contact::id).toList())));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    static Dialog report(Consumer<String> send) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Report this message to the teachers");
        TextArea reason = new TextArea("What is wrong with it?");
        reason.setMaxLength(1000);
        reason.setWidthFull();
        dialog.add(new Paragraph("The course's teachers see your name and your reason. In a direct conversation they do not see the message itself."),
                reason);
        Button save = new Button("Send report", e -> attempt(dialog, reason::setErrorMessage, reason::setInvalid, () -> send.accept(reason.getValue())));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    static Dialog mute(String who, Consumer<Duration> mute) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Stop " + who + " posting in this channel");
        Map<String, Duration> periods = new LinkedHashMap<>();
        periods.put("For an hour", Duration.ofHours(1));
        periods.put("For a day", Duration.ofDays(1));
        periods.put("For a week", Duration.ofDays(7));
        periods.put("For " + ChatModeration.LONGEST_MUTE.toDays() + " days", ChatModeration.LONGEST_MUTE);
        periods.put("Let them post again", Duration.ZERO);
        RadioButtonGroup<String> period = new RadioButtonGroup<>("How long");
        period.setItems(periods.keySet());
        period.setValue("For a day");
        dialog.add(new Paragraph(who + " can still read the channel."), period);
        Button save = new Button("Apply", e -> attempt(dialog, period::setErrorMessage, period::setInvalid, () -> mute.accept(periods.get(period.getValue()))));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    /** The open reports of the course, each to open in its channel or to mark dealt with. */
    static Dialog reports(List<MessageReport> reports, Map<UUID, String> names, Consumer<MessageReport> open, Consumer<MessageReport> resolve) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Reported messages");
        dialog.setWidth("min(40rem, 95vw)");
        if (reports.isEmpty()) {
            dialog.add(new Paragraph("No report is waiting."));
        }
        for (MessageReport report : reports) {
            Paragraph what = new Paragraph(report.text() == null ? "In a direct conversation, or deleted since: only the reason is shown."
                    : "“" + MessageCard.excerpt("<p>" + org.jsoup.nodes.Entities.escape(report.text()) + "</p>") + "”");
            Span by = new Span(names.getOrDefault(report.reporterId(), "Someone") + " · " + ClientTime.format(report.at()));
            by.addClassName("chat-time");
            Button show = new Button("Show in the channel", e -> {
                dialog.close();
                open.accept(report);
            });
            show.setEnabled(report.text() != null);
            Button done = new Button("Dealt with", e -> {
                resolve.accept(report);
                dialog.close();
            });
            show.addThemeVariants(ButtonVariant.LUMO_SMALL);
            done.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            Div row = new Div(by, what, new Paragraph("Reason: " + report.reason()), new Div(show, done));
            row.addClassName("chat-report");
            dialog.add(row);
        }
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        return dialog;
    }

    static Dialog searchResults(String words, List<SearchHit> hits, Map<UUID, String> names, Consumer<SearchHit> open) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Messages with “" + words + "”");
        dialog.setWidth("min(40rem, 95vw)");
        if (hits.isEmpty()) {
            dialog.add(new Paragraph("No message in the channels you read matches."));
        }
        List<Button> results = new ArrayList<>();
        for (SearchHit hit : hits) {
            Button result = new Button(names.getOrDefault(hit.authorId(), "Someone") + " · " + ClientTime.format(hit.createdAt()) + ": "
                    + hit.excerpt().replace("«", "").replace("»", ""), e -> {
                dialog.close();
                open.accept(hit);
            });
            result.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            result.addClassName("chat-search-hit");
            results.add(result);
        }
        results.forEach(dialog::add);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        return dialog;
    }

    private static void attempt(Dialog dialog, Consumer<String> message, Consumer<Boolean> invalid, Attempt attempt) {
        try {
            attempt.run();
            dialog.close();
        } catch (MessagingRefusedException refused) {
            message.accept(refused.getMessage());
            invalid.accept(true);
        }
    }
}
