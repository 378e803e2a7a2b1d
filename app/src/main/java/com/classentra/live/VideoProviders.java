package com.classentra.live;

import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.plugins.StoredSlot;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.video.VideoRooms;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Calls the video provider that serves a room: the slot's own while the room was made with the slot's current
 * settings, otherwise the settings version that made it (kept in {@code video_provider_version}), so a room keeps its
 * provider until it ends after an administrator switched to another. Every call is timed like any provider call.
 */
@Component
class VideoProviders {

    private final SlotRegistry registry;
    private final LiveRoomRepository rooms;
    private final PlatformScope platformScope;

    VideoProviders(SlotRegistry registry, LiveRoomRepository rooms, PlatformScope platformScope) {
        this.registry = registry;
        this.rooms = rooms;
        this.platformScope = platformScope;
    }

    /** Calls the provider of the given settings version. */
    <R> R call(long version, SlotRegistry.ProviderCall<VideoRooms, R> work) throws ProviderException {
        StoredSlot current = registry.stored(Slot.VIDEO);
        if (current.version() == version) {
            return registry.call(Slot.VIDEO, VideoRooms.class, work);
        }
        StoredSlot former = platformScope.inTransaction(null, "read former video settings", () -> rooms.providerVersion(version)).orElseThrow(() -> new ProviderException(ProviderException.Kind.MISCONFIGURED,
                "The video provider settings of version " + version + " are gone"));
        return registry.callDetached(former, VideoRooms.class, work);
    }

    /** Calls the slot's current provider. */
    <R> R callCurrent(SlotRegistry.ProviderCall<VideoRooms, R> work) throws ProviderException {
        return registry.call(Slot.VIDEO, VideoRooms.class, work);
    }

    /**
     * The settings versions of provider {@code providerId} that may have signed a webhook: the slot's current one when it
     * is that provider, then the former ones its rooms or recordings still use, newest first.
     */
    List<Long> versionsOf(String providerId) {
        StoredSlot current = registry.stored(Slot.VIDEO);
        List<Long> former = platformScope.inTransaction(null, "find video settings in use", () -> rooms.versionsInUse(providerId)).stream().filter(v -> v != current.version()).toList();
        return providerId.equals(current.providerId())
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of(current.version()), former.stream()).toList() : former;
    }

    /** The settings versions of every provider that rooms still use, newest first. */
    List<Long> versionsInUse() {
        return platformScope.inTransaction(null, "find video settings in use", () -> rooms.versionsInUse(null));
    }

    /** Which provider, at which settings version, serves the slot on this node: it changes when an administrator switches. */
    String servingKey() {
        return registry.servingKey(Slot.VIDEO);
    }

    /** The current settings, as stored, to keep with a room made now. */
    StoredSlot currentSettings() {
        return registry.stored(Slot.VIDEO);
    }
}
