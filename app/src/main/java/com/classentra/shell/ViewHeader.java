package com.classentra.shell;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;

/** Title and one-line purpose at the top of a page. */
public class ViewHeader extends Header {

    public ViewHeader(String title, String purpose) {
        addClassName("view-header");
        add(new H1(title), new Paragraph(purpose));
    }
}
