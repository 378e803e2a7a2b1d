package com.classentra.dashboard.ui;

import com.classentra.dashboard.Session;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.Component;
import java.util.List;

/** Today's sessions as card entries, the same for teachers and students. */
final class SessionEntries {

    private SessionEntries() {
    }

    static List<Component> of(List<Session> sessions) {
        return sessions.stream().map(s -> s.meetingUrl() == null
                ? DashboardCard.entry(s.link(), s.title(), when(s))
                : DashboardCard.entry(s.link(), s.title(), when(s), DashboardCard.joinLink(s.meetingUrl(), s.title()))).toList();
    }

    private static String when(Session session) {
        return ClientTime.formatTime(session.startsAt()) + "–" + ClientTime.formatTime(session.endsAt()) + " · " + session.courseTitle();
    }
}
