package com.classentra.courses.ui;

import com.classentra.courses.CourseForm;
import com.classentra.courses.CourseForm.Visibility;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.text.RichText;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.Function;

/** Creates or edits a course; the save action returns field messages, which the dialog shows in place. */
class CourseDialog extends Dialog {

    private final TextField title = new TextField("Title");
    private final TextArea description = new TextArea("Description");
    private final DatePicker startsOn = new DatePicker("Starts");
    private final DatePicker endsOn = new DatePicker("Ends");
    private final Select<Visibility> visibility = new Select<>();

    CourseDialog(CourseSummary existing, Function<CourseForm, Map<String, String>> save) {
        setHeaderTitle(existing == null ? "New course" : "Edit course");
        title.setMaxLength(200);
        title.setRequired(true);
        description.setHelperText("Shown to students. Leave a blank line between paragraphs.");
        description.setMaxLength(20_000);
        visibility.setLabel("Who can find it");
        visibility.setItems(Visibility.values());
        visibility.setItemLabelGenerator(v -> switch (v) {
            case PRIVATE -> "Private: by invitation or join code";
            case UNLISTED -> "Unlisted: anyone with the link";
            case PUBLIC -> "Public: listed on your storefront";
        });
        visibility.setValue(Visibility.PRIVATE);
        if (existing != null) {
            title.setValue(existing.title());
            description.setValue(RichText.plainParagraphs(existing.descriptionHtml()));
            startsOn.setValue(existing.startsOn());
            endsOn.setValue(existing.endsOn());
            visibility.setValue(existing.visibility());
        }
        FormLayout form = new FormLayout(title, startsOn, endsOn, visibility, description);
        form.setColspan(title, 2);
        form.setColspan(visibility, 2);
        form.setColspan(description, 2);
        add(form);

        Button saveButton = new Button("Save", e -> {
            Map<String, String> problems = save.apply(new CourseForm(title.getValue(), RichText.fromPlainParagraphs(description.getValue()),
                    startsOn.getValue(), endsOn.getValue(), visibility.getValue()));
            if (problems.isEmpty()) {
                close();
            } else {
                show(problems);
            }
        });
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), saveButton);
        setWidth("min(40rem, 95vw)");
    }

    private void show(Map<String, String> problems) {
        title.setInvalid(false);
        endsOn.setInvalid(false);
        description.setInvalid(false);
        problems.forEach((field, message) -> {
            switch (field) {
                case "title" -> { title.setErrorMessage(message); title.setInvalid(true); }
                case "endsOn" -> { endsOn.setErrorMessage(message); endsOn.setInvalid(true); }
                default -> { description.setErrorMessage(message); description.setInvalid(true); }
            }
        });
    }
}
