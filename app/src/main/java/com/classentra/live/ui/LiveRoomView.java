package com.classentra.live.ui;

import com.classentra.live.LiveRoomRefusedException;
import com.classentra.live.LiveRooms;
import com.classentra.live.RoomState;
import com.classentra.platform.security.SignedInUser;
import com.classentra.plugin.api.video.JoinGrant;
import com.classentra.shell.ClientTime;
import com.classentra.shell.RouteIds;
import com.classentra.shell.ViewHeader;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.UUID;

/**
 * A session's native room: the video provider's web client inside the page, opened with a grant of the person's own
 * made as the page opens (so it is never passed around), or why the room cannot be joined now.
 */
@Route("courses/:courseId/sessions/:sessionId/room")
@PageTitle("Live class · Classentra")
@StyleSheet("classentra/classroom.css")
@RolesAllowed({"TEACHER", "STUDENT"})
public class LiveRoomView extends Main implements BeforeEnterObserver {

    /** What the embedded client may use: camera, microphone, screen sharing, sound, full screen, the screen kept awake. */
    static final String ALLOW = "camera; microphone; display-capture; autoplay; fullscreen; screen-wake-lock";

    private final transient LiveRooms liveRooms;
    private final SignedInUser user;

    public LiveRoomView(LiveRooms liveRooms, AuthenticationContext authentication) {
        this.liveRooms = liveRooms;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        addClassNames("console", "live-room");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<UUID> course = RouteIds.parse(event.getRouteParameters(), "courseId");
        Optional<UUID> session = RouteIds.parse(event.getRouteParameters(), "sessionId");
        Optional<RoomState> room = session.flatMap(id -> liveRooms.state(user, id));
        if (course.isEmpty() || room.isEmpty() || !room.get().courseId().equals(course.get())) {
            event.rerouteToError(NotFoundException.class, "This session has no room you can join.");
            return;
        }
        removeAll();
        Anchor back = new Anchor("courses/" + course.get() + "/items/" + session.get(), "Back to the session");
        back.addClassName("back-link");
        add(back, new ViewHeader("Live class", ClientTime.formatHeading(room.get().startsAt())));
        try {
            JoinGrant grant = liveRooms.join(user, session.get());
            IFrame client = new IFrame(grant.clientUrl().toString());
            client.setAllow(ALLOW);
            client.getElement().setAttribute("allowfullscreen", true);
            client.getElement().setAttribute("title", "Live class video");
            client.getElement().setAttribute("referrerpolicy", "no-referrer");
            client.addClassName("live-room-client");
            add(client);
        } catch (LiveRoomRefusedException refused) {
            Paragraph why = new Paragraph(refused.getMessage());
            why.addClassName("room-refused");
            add(why);
        }
    }
}
