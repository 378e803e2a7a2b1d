package com.classentra.grading.ui;

import com.classentra.classwork.ClassworkService;
import com.classentra.classwork.CourseItem;
import com.classentra.classwork.GradingScale;
import com.classentra.classwork.Submission;
import com.classentra.grading.GradeForm;
import com.classentra.grading.GradingService;
import com.classentra.grading.GradingService.GradeChange;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.RichText;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;

/** One student's work on an assignment, with the form that grades it and the history of earlier grades. */
class GradeDialog extends Dialog {

    GradeDialog(GradingService grading, ClassworkService classwork, SignedInUser teacher, CourseItem assignment, UUID studentId,
            String studentName, Runnable saved) {
        setHeaderTitle(studentName + " · " + assignment.title());
        Submission submission = classwork.submissionFor(teacher, assignment.courseId(), assignment.id(), studentId);
        Div work = new Div();
        work.addClassName("graded-work");
        if (!submission.turnedIn()) {
            work.add(new Paragraph("Nothing turned in (" + submission.status().label().toLowerCase() + ")."));
        }
        for (Submission.Version version : submission.versions()) {
            Div content = new Div();
            if (!version.textHtml().isBlank()) {
                content.add(new Html("<div class=\"item-body\">" + version.textHtml() + "</div>"));
            }
            version.files().forEach(file -> {
                Anchor link = new Anchor(file.downloadPath(), file.filename() + " (" + file.sizeLabel() + ")");
                link.setRouterIgnore(true);
                content.add(new Div(link));
            });
            Details details = new Details("Version " + version.number() + " · " + ClientTime.format(version.submittedAt())
                    + (version.late() ? " · late" : ""), content);
            details.setOpened(version == submission.versions().getFirst());
            work.add(details);
        }

        BigDecimalField points = new BigDecimalField(assignment.gradingScale() == GradingScale.PERCENT ? "Percentage"
                : "Points (out of " + assignment.pointsPossible().stripTrailingZeros().toPlainString() + ")");
        Select<String> letter = new Select<>();
        letter.setLabel("Letter grade");
        letter.setItems(GradingService.LETTERS);
        boolean letters = assignment.gradingScale() == GradingScale.LETTER;
        points.setVisible(!letters);
        letter.setVisible(letters);
        TextArea feedback = new TextArea("Feedback");
        feedback.setWidthFull();
        feedback.setMaxLength(50_000);
        Checkbox returnNow = new Checkbox("Return to the student now", true);
        TextField reason = new TextField("Reason for the change");
        reason.setMaxLength(500);
        reason.setWidthFull();
        List<GradeChange> history = grading.history(teacher, assignment.courseId(), assignment.id(), studentId);
        reason.setVisible(!history.isEmpty());
        if (!history.isEmpty()) {
            GradeChange latest = history.getFirst();
            feedback.setValue(RichText.plainParagraphs(latest.feedbackHtml()));
        }

        Div form = new Div(new H3("Grade"), points, letter, feedback, returnNow, reason);
        form.addClassName("grade-form");
        add(work, form);
        if (!history.isEmpty()) {
            Div changes = new Div();
            history.forEach(change -> changes.add(new Paragraph(change.value() + " · " + ClientTime.format(change.gradedAt())
                    + (change.gradedBy() == null ? "" : " · " + change.gradedBy()) + (change.reason() == null ? "" : " · " + change.reason()))));
            add(new Details("Grade history (" + history.size() + ")", changes));
        }

        Button save = new Button("Save grade", e -> {
            var result = grading.grade(teacher, assignment.courseId(), assignment.id(), studentId, new GradeForm(points.getValue(),
                    letter.getValue(), RichText.fromPlainParagraphs(feedback.getValue()), returnNow.getValue(), reason.getValue()));
            if (result.problems().isEmpty()) {
                close();
                saved.run();
            } else {
                result.problems().forEach((field, message) -> {
                    switch (field) {
                        case "points" -> { points.setErrorMessage(message); points.setInvalid(true); }
                        case "letter" -> { letter.setErrorMessage(message); letter.setInvalid(true); }
                        case "reason" -> { reason.setErrorMessage(message); reason.setInvalid(true); }
                        default -> { feedback.setErrorMessage(message); feedback.setInvalid(true); }
                    }
                });
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(44rem, 96vw)");
    }
}
