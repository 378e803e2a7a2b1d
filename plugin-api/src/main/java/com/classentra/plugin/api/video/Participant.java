package com.classentra.plugin.api.video;

/** Who joins: an opaque identity (never an email), the name others see, and whether they host. */
public record Participant(String identity, String displayName, boolean host) {
}
