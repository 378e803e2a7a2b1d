package com.classentra.plugin.api.video;

/**
 * @param nativeRooms rooms inside the app, joined with a grant; false for a provider that only links out
 * @param recording   the teacher can record a room
 */
public record VideoFeatures(boolean nativeRooms, boolean recording) {

    /** A provider that makes no rooms: sessions link to meetings elsewhere. */
    public static final VideoFeatures LINKS_ONLY = new VideoFeatures(false, false);
}
