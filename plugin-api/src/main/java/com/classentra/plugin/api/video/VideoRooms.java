package com.classentra.plugin.api.video;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderInstance;
import com.classentra.plugin.api.WebhookRequest;
import java.time.Duration;

/**
 * Live class rooms. Sessions that link to a meeting elsewhere ({@link MeetingLink}) need no provider call; a native
 * room is made, joined and ended here, and the provider reports who came and what it recorded through webhooks.
 */
public interface VideoRooms extends ProviderInstance {

    /** What this provider's rooms can do; one without native rooms serves only sessions with a meeting link. */
    VideoFeatures features();

    /**
     * Makes the room, private (nobody enters without a grant from {@link #join}) and closed by the provider after
     * {@link RoomRequest#closesAt()}. Asking again for a room that exists (a retry, or its session moved) brings it to
     * the request's times and answers it.
     */
    MeetingRoom createRoom(RoomRequest request) throws ProviderException;

    /** A grant for one participant, valid for {@code validity}, bound to this room and no other. */
    JoinGrant join(MeetingRoom room, Participant participant, Duration validity) throws ProviderException;

    /** Closes the room for everybody in it. A room that is gone already is not an error. */
    void endRoom(String roomName) throws ProviderException;

    /** Puts the participant out of the room now; their grant does not bring them back. Not there is not an error. */
    void removeParticipant(String roomName, String identity) throws ProviderException;

    /** Starts recording the room; the recording's id when the provider gives it at once, otherwise null (a webhook brings it). */
    String startRecording(String roomName) throws ProviderException;

    void stopRecording(String roomName, String recordingId) throws ProviderException;

    /** Deletes the recorded file at the provider. One that is gone already is not an error. */
    void deleteRecording(String recordingId) throws ProviderException;

    /**
     * Verifies the webhook's signature against this provider's settings and reads the event. Throws PERMANENT when
     * the signature, the body or its age does not hold, so a forged or replayed-late event is never stored.
     */
    VideoEvent readWebhook(WebhookRequest request) throws ProviderException;
}
