package com.classentra.live;

import com.classentra.courses.CourseParticipants;
import com.classentra.courses.CourseParticipants.CoursePlace;
import com.classentra.db.jooq.tables.records.LiveRoomRecord;
import com.classentra.platform.jobs.QueueTable;
import com.classentra.platform.security.RoleScopes;
import com.classentra.platform.security.SignedInUser;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.video.JoinGrant;
import com.classentra.plugin.api.video.MeetingRoom;
import com.classentra.plugin.api.video.Participant;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions held in a native room: planned with the session (classwork calls {@link #plan} as it saves one), made at the
 * provider by a queue ({@link RoomMaker}), joined from ten minutes before the start until the end by the course's
 * teachers and active students only, each with a grant of their own that is bound to the room and expires soon.
 */
@Service
public class LiveRooms {

    /** People may join this long before the session starts. */
    public static final Duration OPENS_BEFORE = Duration.ofMinutes(10);
    /** A grant is good for joining this long: a page opened later asks for a new one, and a removed person gets none. */
    static final Duration GRANT_VALIDITY = Duration.ofMinutes(15);

    private final RoomPlanRepository plans;
    private final LiveRoomRepository rooms;
    private final VideoProviders providers;
    private final CourseParticipants courses;
    private final RoleScopes scopes;

    LiveRooms(RoomPlanRepository plans, LiveRoomRepository rooms, VideoProviders providers, CourseParticipants courses, RoleScopes scopes) {
        this.plans = plans;
        this.rooms = rooms;
        this.providers = providers;
        this.courses = courses;
        this.scopes = scopes;
    }

    /** Whether the video provider makes native rooms now; otherwise sessions link to a meeting elsewhere. */
    public boolean nativeRoomsAvailable() {
        try {
            return providers.callCurrent(rooms -> rooms.features().nativeRooms());
        } catch (ProviderException e) {
            return false;
        }
    }

    /** Plans the session's room, or brings it to new times and settings, in the teacher's transaction (classwork's save). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void plan(SignedInUser teacher, UUID courseId, UUID itemId, Instant startsAt, Duration length, RoomSettings settings) {
        plans.plan(teacher.tenantId(), courseId, itemId, startsAt, startsAt.plus(length), settings);
    }

    /** The session no longer has a native room (it links to a meeting now); a room already made is closed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void unplan(UUID itemId) {
        plans.unplan(itemId);
    }

    /** The session's room as the person sees it; empty when it has none, or the person may not see it. */
    public Optional<RoomState> state(SignedInUser user, UUID itemId) {
        return scopes.asMember(user, () -> plans.forItem(itemId)).map(LiveRooms::state);
    }

    /** The rooms of the given sessions that the person may see, by session: one statement for a course's whole stream. */
    public Map<UUID, RoomState> states(SignedInUser user, Collection<UUID> itemIds) {
        return scopes.asMember(user, () -> plans.forItems(itemIds)).stream().map(LiveRooms::state)
                .collect(Collectors.toMap(RoomState::itemId, Function.identity()));
    }

    /**
     * Who was in the session's room, first in first, for a teacher of the course; empty for anyone else. A stay still
     * open counts until now.
     */
    public List<PersonInRoom> participation(SignedInUser teacher, UUID itemId) {
        if (!teacher.teachesInWorkspace()) {
            return List.of();
        }
        Instant now = Instant.now();
        // One person per account, or per name for someone the provider knows only by name; in order of first joining.
        Map<String, List<org.jooq.Record4<UUID, String, java.time.OffsetDateTime, java.time.OffsetDateTime>>> byPerson = new LinkedHashMap<>();
        scopes.asTeacher(teacher, () -> rooms.staysOfSession(itemId))
                .forEach(r -> byPerson.computeIfAbsent(r.value1() == null ? "name:" + r.value2() : r.value1().toString(), k -> new ArrayList<>()).add(r));
        return byPerson.values().stream().map(stays -> {
            List<AttendanceReckoning.Stay> closed = stays.stream()
                    .map(r -> new AttendanceReckoning.Stay(r.value1(), r.value3() == null ? now : r.value3().toInstant(),
                            r.value4() == null ? now : r.value4().toInstant()))
                    .sorted(java.util.Comparator.comparing(AttendanceReckoning.Stay::joined)).toList();
            boolean stillIn = stays.stream().anyMatch(r -> r.value4() == null);
            Instant lastOut = stillIn ? null : closed.stream().map(AttendanceReckoning.Stay::left).max(Instant::compareTo).orElse(null);
            return new PersonInRoom(stays.getFirst().value1(), stays.getFirst().value2(), closed.getFirst().joined(), lastOut,
                    AttendanceReckoning.timeIn(closed));
        }).toList();
    }

    /** The page where a person joins the session's room. */
    public static String roomPath(UUID courseId, UUID itemId) {
        return "courses/" + courseId + "/sessions/" + itemId + "/room";
    }

    /**
     * A grant for the person to join the session's room now. Refused, with why, to anyone who is not a teacher or an
     * active student of the course, outside the join window, and while the room is not made.
     */
    public JoinGrant join(SignedInUser user, UUID itemId) {
        LiveRoomRecord room = scopes.asMember(user, () -> plans.forItem(itemId))
                .orElseThrow(() -> new LiveRoomRefusedException("This session has no room you can join."));
        CoursePlace place = courses.place(user, room.getCourseId())
                .orElseThrow(() -> new LiveRoomRefusedException("Only the course's teachers and students can join its sessions."));
        RoomState state = state(room);
        Instant now = Instant.now();
        if (state.endedAt() != null || !now.isBefore(state.endsAt())) {
            throw new LiveRoomRefusedException("This session has ended.");
        }
        if (now.isBefore(state.startsAt().minus(OPENS_BEFORE))) {
            throw new LiveRoomRefusedException("The room opens ten minutes before the session starts.");
        }
        switch (state.status()) {
            case PREPARING, RETRYING -> throw new LiveRoomRefusedException("The room is being prepared: try again in a minute.");
            case FAILED -> throw new LiveRoomRefusedException("The room could not be created" + (place.teaching() && state.problem() != null
                    ? ": " + state.problem() : ". The teacher has been told."));
            case READY -> {
            }
        }
        Participant participant = new Participant(user.id().toString(), user.displayName(), place.teaching(), room.getStudentsPublish());
        MeetingRoom meeting = new MeetingRoom(room.getRoomName(), URI.create(room.getRoomUrl()));
        try {
            return providers.call(room.getProviderVersion(), provider -> provider.join(meeting, participant, GRANT_VALIDITY));
        } catch (ProviderException e) {
            throw new LiveRoomRefusedException("The video service did not let you in just now: try again in a moment.");
        }
    }

    private static RoomState state(LiveRoomRecord room) {
        RoomState.Status status = switch (room.getStatus()) {
            case QueueTable.SENT -> RoomState.Status.READY;
            case QueueTable.DEAD -> RoomState.Status.FAILED;
            default -> room.getLastError() == null ? RoomState.Status.PREPARING : RoomState.Status.RETRYING;
        };
        return new RoomState(room.getItemId(), room.getCourseId(), room.getStartsAt().toInstant(), room.getEndsAt().toInstant(),
                new RoomSettings(room.getStudentsPublish(), room.getPresentPercent(), room.getLateAfterMinutes()), status,
                status == RoomState.Status.READY ? null : room.getLastError(),
                room.getEndedAt() == null ? null : room.getEndedAt().toInstant());
    }
}
