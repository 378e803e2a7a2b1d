package com.classentra.plugin.api.video;

import java.util.List;
import java.util.regex.Pattern;

/**
 * @param nativeRooms  rooms inside the app, joined with a grant; false for a provider that only links out
 * @param recording    the teacher can record a room
 * @param frameSources where the provider's web client is served from, which the room page embeds: origins such as
 *                     {@code https://meet.livekit.io} or {@code https://*.daily.co}, allowed as the page's frame sources
 */
public record VideoFeatures(boolean nativeRooms, boolean recording, List<String> frameSources) {

    /** An https origin, its host possibly starting with one "*." wildcard label; no path, no quote, no space. */
    private static final Pattern ORIGIN = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    /** A provider that makes no rooms: sessions link to meetings elsewhere. */
    public static final VideoFeatures LINKS_ONLY = new VideoFeatures(false, false, List.of());

    public VideoFeatures {
        frameSources = List.copyOf(frameSources);
        for (String source : frameSources) {
            if (!ORIGIN.matcher(source).matches()) {
                throw new IllegalArgumentException("A frame source is an origin such as https://meet.example.org: " + source);
            }
        }
    }
}
