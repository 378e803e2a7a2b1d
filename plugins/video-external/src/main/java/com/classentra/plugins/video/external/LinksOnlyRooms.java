package com.classentra.plugins.video.external;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.WebhookRequest;
import com.classentra.plugin.api.video.JoinGrant;
import com.classentra.plugin.api.video.MeetingRoom;
import com.classentra.plugin.api.video.Participant;
import com.classentra.plugin.api.video.RoomRequest;
import com.classentra.plugin.api.video.VideoEvent;
import com.classentra.plugin.api.video.VideoFeatures;
import com.classentra.plugin.api.video.VideoRooms;
import java.time.Duration;

/** Refuses everything a native room needs, with a message that says what to do instead. */
final class LinksOnlyRooms implements VideoRooms {

    static final String NO_ROOMS = "This service has no live video provider for native rooms: add a Zoom, Google Meet or Microsoft "
            + "Teams link to the session, or ask the administrator to choose LiveKit or Daily under Providers.";

    @Override
    public VideoFeatures features() {
        return VideoFeatures.LINKS_ONLY;
    }

    @Override
    public HealthReport checkHealth() {
        return HealthReport.healthy("Sessions link to meetings elsewhere; nothing to connect to");
    }

    @Override
    public MeetingRoom createRoom(RoomRequest request) throws ProviderException {
        throw noRooms();
    }

    @Override
    public JoinGrant join(MeetingRoom room, Participant participant, Duration validity) throws ProviderException {
        throw noRooms();
    }

    @Override
    public void endRoom(String roomName) throws ProviderException {
        throw noRooms();
    }

    @Override
    public void removeParticipant(String roomName, String identity) throws ProviderException {
        throw noRooms();
    }

    @Override
    public String startRecording(String roomName) throws ProviderException {
        throw noRooms();
    }

    @Override
    public void stopRecording(String roomName, String recordingId) throws ProviderException {
        throw noRooms();
    }

    @Override
    public void deleteRecording(String recordingId) throws ProviderException {
        throw noRooms();
    }

    /** Nobody sends this provider webhooks: whatever arrives is refused. */
    @Override
    public VideoEvent readWebhook(WebhookRequest request) throws ProviderException {
        throw new ProviderException(Kind.PERMANENT, "Meeting links send no webhooks");
    }

    private static ProviderException noRooms() {
        return new ProviderException(Kind.MISCONFIGURED, NO_ROOMS);
    }
}
