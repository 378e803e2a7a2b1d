package com.classentra.live.ui;

import com.classentra.live.PersonInRoom;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.List;

/** Who was in a session's room, for its teacher: when each person came and went, their minutes, and the total. */
public class ParticipationPanel extends Div {

    public ParticipationPanel(List<PersonInRoom> people) {
        addClassName("participation");
        long total = people.stream().mapToLong(person -> person.timeIn().toMinutes()).sum();
        H2 heading = new H2("In the room");
        Span summary = new Span(people.isEmpty() ? "Nobody has joined the room yet."
                : people.size() + (people.size() == 1 ? " person, " : " people, ") + total + " participant-minutes");
        summary.addClassName("participation-summary");
        add(heading, summary);
        if (people.isEmpty()) {
            return;
        }
        Grid<PersonInRoom> grid = new Grid<>(PersonInRoom.class, false);
        grid.addColumn(PersonInRoom::name).setHeader("Person").setFlexGrow(2);
        grid.addColumn(person -> ClientTime.formatTime(person.firstIn())).setHeader("First in");
        grid.addColumn(person -> person.lastOut() == null ? "still in" : ClientTime.formatTime(person.lastOut())).setHeader("Last out");
        grid.addColumn(person -> minutes(person.timeIn())).setHeader("Time in");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setItems(people);
        add(grid);
    }

    private static String minutes(Duration time) {
        long minutes = time.toMinutes();
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
