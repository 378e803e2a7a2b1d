package com.classentra.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;

/** A start page: a header and a responsive grid of cards. */
public abstract class DashboardPage extends Main {

    protected DashboardPage(String title, String purpose, Component... cards) {
        addClassName("dashboard");
        Div grid = new Div(cards);
        grid.addClassName("card-grid");
        add(new ViewHeader(title, purpose), grid);
    }
}
