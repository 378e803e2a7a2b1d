package com.classentra.grading;

import java.math.BigDecimal;

/**
 * A grade as the teacher enters it: points (for POINTS and PERCENT assignments) or a letter, feedback, and
 * whether the student sees it now. The reason is kept in the regrade history.
 */
public record GradeForm(BigDecimal points, String letter, String feedbackHtml, boolean returnToStudent, String reason) {
}
