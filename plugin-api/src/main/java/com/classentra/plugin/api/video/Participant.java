package com.classentra.plugin.api.video;

/**
 * Who joins.
 *
 * @param identity    an opaque id of the person (the platform's user id; never an email), which webhooks carry back
 * @param displayName the name others in the room see
 * @param host        a teacher of the course: may record, mute and remove others, and ends the room
 * @param canPublish  may send camera, microphone and screen; always true for a host
 */
public record Participant(String identity, String displayName, boolean host, boolean canPublish) {

    public Participant {
        canPublish = canPublish || host;
    }
}
