package com.classentra.dashboard.ui;

import com.classentra.dashboard.Session;
import com.vaadin.flow.component.Component;
import java.util.List;

/** Today's sessions as card entries, the same for teachers and students. */
final class SessionEntries {

    private SessionEntries() {
    }

    static List<Component> of(List<Session> sessions, ZonedTimes time) {
        return sessions.stream().map(s -> s.meetingUrl() == null
                ? DashboardCard.entry(s.link(), s.title(), when(s, time))
                : DashboardCard.entry(s.link(), s.title(), when(s, time), DashboardCard.joinLink(s.meetingUrl(), s.title()))).toList();
    }

    private static String when(Session session, ZonedTimes time) {
        return time.time(session.startsAt()) + "–" + time.time(session.endsAt()) + " · " + session.courseTitle();
    }
}
