package com.classentra.plugin.api.video;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One webhook from a video provider, verified and read.
 *
 * @param eventId     the provider's id of the event, unique per provider: the same event delivered again has the same id
 * @param kind        what happened
 * @param roomName    the platform's name of the room, null for a {@link Kind#PING}
 * @param occurredAt  when it happened, by the provider's clock
 * @param participant who joined or left, for the participant kinds
 * @param recording   the recording, for the recording kinds
 */
public record VideoEvent(String eventId, Kind kind, String roomName, Instant occurredAt, ParticipantPresence participant,
        RecordingInfo recording) {

    public VideoEvent {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.PING) {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
        if ((kind == Kind.PARTICIPANT_JOINED || kind == Kind.PARTICIPANT_LEFT) && participant == null) {
            throw new IllegalArgumentException(kind + " needs its participant");
        }
        if ((kind == Kind.RECORDING_STARTED || kind == Kind.RECORDING_READY || kind == Kind.RECORDING_FAILED) && recording == null) {
            throw new IllegalArgumentException(kind + " needs its recording");
        }
    }

    public enum Kind {
        PARTICIPANT_JOINED, PARTICIPANT_LEFT, ROOM_FINISHED, RECORDING_STARTED, RECORDING_READY, RECORDING_FAILED,
        /** A verified event the platform has no use for (a track published, say): stored, nothing to do. */
        OTHER,
        /** The provider checking that the address answers, when a webhook is set up: carries nothing. */
        PING
    }

    /**
     * @param identity  the identity the grant carried ({@link Participant#identity()})
     * @param sessionId the provider's id of this one stay in the room: a person who reconnects has a new one
     * @param name      the name shown in the room
     * @param joinedAt  when this stay began
     */
    public record ParticipantPresence(String identity, String sessionId, String name, Instant joinedAt) {

        public ParticipantPresence {
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /**
     * @param recordingId the provider's id of the recording
     * @param startedAt   when recording began, when known
     * @param duration    how long it is, once it is ready
     * @param sizeBytes   the file's size, when the provider says
     * @param location    where the provider keeps the file (a storage address or key), when it says
     * @param failure     why the provider could not make it, for {@link Kind#RECORDING_FAILED}
     */
    public record RecordingInfo(String recordingId, Instant startedAt, Duration duration, Long sizeBytes, String location,
            String failure) {

        public RecordingInfo {
            Objects.requireNonNull(recordingId, "recordingId");
        }
    }
}
