package com.classentra.plugin.api.video;

import java.net.URI;

/**
 * A room as the provider made it.
 *
 * @param name the platform's name for it, which webhooks carry back
 * @param url  where the provider serves it (Daily's room address; LiveKit's server)
 */
public record MeetingRoom(String name, URI url) {
}
