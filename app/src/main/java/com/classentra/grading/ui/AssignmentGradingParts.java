package com.classentra.grading.ui;

import com.classentra.classwork.ClassworkService;
import com.classentra.classwork.CourseItem;
import com.classentra.classwork.ui.AssignmentGrading;
import com.classentra.grading.Grade;
import com.classentra.grading.GradingService;
import com.classentra.platform.security.SignedInUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Optional;

/** The grading parts of an assignment's page: the teacher's roster, the student's returned grade. */
@org.springframework.stereotype.Component
class AssignmentGradingParts implements AssignmentGrading {

    private final GradingService grading;
    private final ClassworkService classwork;

    AssignmentGradingParts(GradingService grading, ClassworkService classwork) {
        this.grading = grading;
        this.classwork = classwork;
    }

    @Override
    public Component rosterFor(SignedInUser teacher, CourseItem assignment) {
        return new SubmissionRoster(grading, classwork, teacher, assignment);
    }

    @Override
    public Optional<ReturnedGrade> returnedGradeFor(SignedInUser student, CourseItem assignment) {
        return grading.myGrade(student, assignment.courseId(), assignment.id())
                .map(grade -> new ReturnedGrade(grade.returnedAt(), gradeBox(grade, assignment)));
    }

    private static Component gradeBox(Grade grade, CourseItem assignment) {
        Div box = new Div();
        box.addClassName("grade-box");
        Span value = new Span("Grade: " + grade.display(assignment.gradingScale(), assignment.pointsPossible()));
        value.addClassName("grade-value");
        box.add(value);
        if (!grade.feedbackHtml().isBlank()) {
            box.add(new Html("<div class=\"item-body\">" + grade.feedbackHtml() + "</div>"));
        }
        return box;
    }
}
