package com.classentra.classwork.ui;

import com.classentra.classwork.CourseItem;
import com.classentra.platform.security.SignedInUser;
import com.vaadin.flow.component.Component;
import java.time.Instant;
import java.util.Optional;

/**
 * What grading shows on an assignment's page. Grading builds on classwork (items, turn-ins), so classwork asks for
 * these parts through this interface, implemented by the grading feature, instead of importing it.
 */
public interface AssignmentGrading {

    /** The teacher's list of turn-ins, each opening its grading. */
    Component rosterFor(SignedInUser teacher, CourseItem assignment);

    /** The student's grade and feedback, once returned. */
    Optional<ReturnedGrade> returnedGradeFor(SignedInUser student, CourseItem assignment);

    /** A grade the teacher returned: when (it changes the student's status), and how it shows. */
    record ReturnedGrade(Instant returnedAt, Component view) {
    }
}
