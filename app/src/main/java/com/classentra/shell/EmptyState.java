package com.classentra.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

/** A card that says what will appear here and why it is empty now. */
public class EmptyState extends Div {

    public EmptyState(VaadinIcon icon, String title, String explanation) {
        addClassName("empty-state");
        add(icon.create(), new H2(title), new Paragraph(explanation));
    }

    /** The same, with the first step to take (such as "Create your first course"). */
    public EmptyState(VaadinIcon icon, String title, String explanation, Component firstStep) {
        this(icon, title, explanation);
        add(firstStep);
    }
}
