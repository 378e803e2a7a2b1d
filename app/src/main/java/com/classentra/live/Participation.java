package com.classentra.live;

import com.classentra.platform.db.PlatformScope;
import com.classentra.plugin.api.video.VideoEvent;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies what providers report of native rooms: stays (joined, left), the room closing, and recordings. Each event
 * may come more than once and out of order; applying it again changes nothing (see {@link LiveRoomRepository}).
 * Runs in the platform scope: the webhook is the provider's word, checked by its signature, and names a room.
 */
@Service
class Participation {

    private static final Logger log = LoggerFactory.getLogger(Participation.class);

    private final LiveRoomRepository rooms;
    private final PlatformScope platformScope;

    Participation(LiveRoomRepository rooms, PlatformScope platformScope) {
        this.rooms = rooms;
        this.platformScope = platformScope;
    }

    void apply(VideoEvent event) {
        platformScope.inTransaction(null, "apply a video webhook", () -> {
            Optional<LiveRoomRepository.RoomRef> found = event.roomName() == null ? Optional.empty() : rooms.roomByName(event.roomName());
            if (found.isEmpty()) {
                // A room of a session deleted since, or of another installation sharing the provider account: nothing here.
                log.debug("Video event {} ({}) names no room here: {}", event.eventId(), event.kind(), event.roomName());
                return null;
            }
            LiveRoomRepository.RoomRef room = found.get();
            switch (event.kind()) {
                case PARTICIPANT_JOINED -> rooms.stay(room, event.participant(),
                        event.participant().joinedAt() != null ? event.participant().joinedAt() : event.occurredAt(), null);
                case PARTICIPANT_LEFT -> rooms.stay(room, event.participant(), event.participant().joinedAt(), event.occurredAt());
                case ROOM_FINISHED -> rooms.finished(room, event.occurredAt());
                case RECORDING_STARTED -> rooms.recorded(rooms.recordingFor(room, event.recording()), RecordingStatus.RECORDING, event.recording());
                case RECORDING_READY -> rooms.recorded(rooms.recordingFor(room, event.recording()), RecordingStatus.READY, event.recording());
                case RECORDING_FAILED -> rooms.recorded(rooms.recordingFor(room, event.recording()), RecordingStatus.FAILED, event.recording());
                case OTHER, PING -> {
                }
            }
            return null;
        });
    }
}
