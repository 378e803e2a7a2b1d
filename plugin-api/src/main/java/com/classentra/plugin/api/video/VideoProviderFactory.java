package com.classentra.plugin.api.video;

import com.classentra.plugin.api.ProviderFactory;

/** Extension point of the video slot: live class rooms. */
public interface VideoProviderFactory extends ProviderFactory<VideoRooms> {
}
