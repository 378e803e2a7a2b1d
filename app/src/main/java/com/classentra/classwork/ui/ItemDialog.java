package com.classentra.classwork.ui;

import com.classentra.classwork.ClassworkService;
import com.classentra.classwork.ClassworkService.Saved;
import com.classentra.classwork.CourseItem;
import com.classentra.classwork.ItemForm;
import com.classentra.classwork.GradingScale;
import com.classentra.classwork.LatePolicy;
import com.classentra.classwork.ItemKind;
import com.classentra.files.FileService;
import com.classentra.files.ui.AttachmentUpload;
import com.classentra.live.LiveRooms;
import com.classentra.live.RoomSettings;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.RichText;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Posts or edits one item; the form shows only the fields of the item's kind, and field messages in place. */
class ItemDialog extends Dialog {

    private final TextField title = new TextField("Title");
    private final TextArea body = new TextArea();
    private final Checkbox shared = new Checkbox("Share with students");
    private final DateTimePicker dueAt = new DateTimePicker("Due");
    private final Select<GradingScale> gradingScale = new Select<>();
    private final BigDecimalField pointsPossible = new BigDecimalField("Points");
    private final Select<LatePolicy> latePolicy = new Select<>();
    private final IntegerField latePenaltyPercent = new IntegerField("Late penalty (%)");
    private final DateTimePicker startsAt = new DateTimePicker("Starts");
    private final IntegerField durationMinutes = new IntegerField("Duration (minutes)");
    private final TextField linkUrl = new TextField("Web address");
    private final ItemKind kind;
    private final SessionPlace place;

    ItemDialog(ClassworkService classwork, FileService files, LiveRooms liveRooms, SignedInUser teacher, UUID courseId, ItemKind kind,
            CourseItem existing, Consumer<CourseItem> saved) {
        this.kind = kind;
        this.place = kind == ItemKind.SESSION ? new SessionPlace(liveRooms.nativeRoomsAvailable()) : null;
        setHeaderTitle((existing == null ? "New " : "Edit ") + kind.label().toLowerCase());
        title.setMaxLength(200);
        title.setRequired(true);
        body.setLabel(switch (kind) {
            case ASSIGNMENT -> "Instructions";
            case SESSION -> "Agenda";
            case LINK, FILE -> "Description";
            default -> "Text";
        });
        body.setHelperText("Leave a blank line between paragraphs.");
        body.setMaxLength(50_000);
        gradingScale.setLabel("Graded as");
        gradingScale.setItems(GradingScale.values());
        gradingScale.setItemLabelGenerator(GradingScale::label);
        gradingScale.setValue(GradingScale.POINTS);
        gradingScale.addValueChangeListener(e -> pointsPossible.setVisible(e.getValue() == GradingScale.POINTS));
        pointsPossible.setValue(BigDecimal.valueOf(100));
        latePolicy.setLabel("Late work");
        latePolicy.setItems(LatePolicy.values());
        latePolicy.setItemLabelGenerator(LatePolicy::label);
        latePolicy.setValue(LatePolicy.ACCEPT);
        latePolicy.addValueChangeListener(e -> latePenaltyPercent.setVisible(e.getValue() == LatePolicy.PENALTY));
        latePenaltyPercent.setVisible(false);
        latePenaltyPercent.setMin(1);
        latePenaltyPercent.setMax(100);
        durationMinutes.setValue(60);
        durationMinutes.setStepButtonsVisible(true);
        durationMinutes.setStep(15);
        linkUrl.setPlaceholder("https://");
        shared.setValue(true);
        if (existing != null) {
            fill(existing);
            if (place != null) {
                place.fill(existing.meetingUrl(), liveRooms.state(teacher, existing.id()));
            }
        }

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        form.add(title, 2);
        switch (kind) {
            case ASSIGNMENT -> form.add(dueAt, latePolicy, gradingScale, pointsPossible, latePenaltyPercent);
            case SESSION -> {
                form.add(startsAt, durationMinutes);
                place.addTo(form);
            }
            case LINK -> form.add(linkUrl, 2);
            case NOTE -> form.add(shared, 2);
            default -> {
            }
        }
        form.add(body, 2);
        add(form);
        AttachmentUpload attachments = kind.takesFiles() ? new AttachmentUpload(files, existing == null ? "Attach files" : "Attach more files") : null;
        if (attachments != null) {
            add(attachments);
        }

        Button save = new Button(existing == null ? "Post" : "Save", e -> {
            if (attachments != null && !attachments.readyToSave()) {
                return;
            }
            RoomSettings room = place == null ? null : place.room();
            if (place != null && place.roomChosen() && room == null) {
                return;
            }
            Saved result = classwork.save(teacher, courseId, existing == null ? null : existing.id(), form(room),
                    attachments == null ? List.of() : attachments.takeStaged());
            if (result.problems().isEmpty()) {
                if (attachments != null) {
                    attachments.reset();
                }
                close();
                saved.accept(result.item());
            } else {
                show(result.problems());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(42rem, 96vw)");
    }

    private void fill(CourseItem item) {
        title.setValue(item.title());
        body.setValue(RichText.plainParagraphs(item.bodyHtml()));
        shared.setValue(item.shared());
        dueAt.setValue(ClientTime.local(item.dueAt()));
        if (item.gradingScale() != null) {
            gradingScale.setValue(item.gradingScale());
            pointsPossible.setValue(item.pointsPossible());
            latePolicy.setValue(item.latePolicy());
            latePenaltyPercent.setValue(item.latePenaltyPercent());
        }
        startsAt.setValue(ClientTime.local(item.startsAt()));
        if (item.durationMinutes() != null) {
            durationMinutes.setValue(item.durationMinutes());
        }
        linkUrl.setValue(item.linkUrl() == null ? "" : item.linkUrl());
    }

    private ItemForm form(RoomSettings room) {
        return new ItemForm(kind, title.getValue(), RichText.fromPlainParagraphs(body.getValue()), shared.getValue(),
                ClientTime.instant(dueAt.getValue()), pointsPossible.getValue(), gradingScale.getValue(), latePolicy.getValue(),
                latePenaltyPercent.getValue(), ClientTime.instant(startsAt.getValue()), durationMinutes.getValue(),
                place == null ? null : place.meetingUrl(), linkUrl.getValue(), room);
    }

    private void show(Map<String, String> problems) {
        Map<String, HasValidation> fields = new java.util.HashMap<>(Map.<String, HasValidation>ofEntries(Map.entry("title", title), Map.entry("body", body),
                Map.entry("dueAt", dueAt), Map.entry("gradingScale", gradingScale), Map.entry("pointsPossible", pointsPossible),
                Map.entry("latePolicy", latePolicy), Map.entry("latePenaltyPercent", latePenaltyPercent), Map.entry("startsAt", startsAt),
                Map.entry("durationMinutes", durationMinutes), Map.entry("linkUrl", linkUrl)));
        if (place != null) {
            fields.putAll(place.fields());
        }
        fields.values().forEach(field -> field.setInvalid(false));
        problems.forEach((name, message) -> {
            HasValidation field = fields.getOrDefault(name, title);
            field.setErrorMessage(message);
            field.setInvalid(true);
        });
    }
}
