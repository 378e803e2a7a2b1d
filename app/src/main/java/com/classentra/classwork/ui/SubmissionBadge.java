package com.classentra.classwork.ui;

import com.classentra.classwork.SubmissionStatus;
import com.vaadin.flow.component.html.Span;

/** A submission's status as a badge, the same for the student and on the teacher's roster. */
public final class SubmissionBadge {

    private SubmissionBadge() {
    }

    public static Span of(SubmissionStatus status) {
        Span badge = new Span(status.label());
        badge.getElement().getThemeList().add(switch (status) {
            case SUBMITTED, RETURNED -> "badge success";
            case LATE, MISSING -> "badge error";
            case ASSIGNED -> "badge contrast";
        });
        return badge;
    }
}
