package com.classentra.plugin.api.video;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderInstance;
import java.time.Duration;

/** Creates rooms for scheduled class sessions and lets participants in. */
public interface VideoRooms extends ProviderInstance {

    MeetingRoom createRoom(RoomRequest request) throws ProviderException;

    /** A grant for one participant to join the room, valid for {@code validity}. */
    JoinGrant join(String roomName, Participant participant, Duration validity) throws ProviderException;

    void endRoom(String roomName) throws ProviderException;
}
