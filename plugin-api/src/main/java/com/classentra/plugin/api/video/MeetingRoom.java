package com.classentra.plugin.api.video;

import java.net.URI;

/** A room as the provider created it. */
public record MeetingRoom(String name, URI url) {
}
