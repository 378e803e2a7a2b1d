package com.classentra.grading;

import com.classentra.classwork.GradingScale;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A student's grade on one assignment; students see it only once it is returned. */
public record Grade(UUID assignmentId, UUID studentId, BigDecimal points, String letter, String feedbackHtml, Instant gradedAt,
        Instant returnedAt) {

    public boolean returned() {
        return returnedAt != null;
    }

    /** "8 / 10", "85%" or "B+". */
    public String display(GradingScale scale, BigDecimal pointsPossible) {
        if (letter != null) {
            return letter;
        }
        String earned = points.stripTrailingZeros().toPlainString();
        return scale == GradingScale.PERCENT ? earned + "%" : earned + " / " + pointsPossible.stripTrailingZeros().toPlainString();
    }
}
