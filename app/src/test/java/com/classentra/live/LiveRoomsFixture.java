package com.classentra.live;

import static com.classentra.db.jooq.Tables.LIVE_ROOM;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.plugins.ConfigRejectedException;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.security.SignedInUser;
import com.classentra.plugin.api.Slot;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestSwitches;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Test fixtures of native rooms: the video slot on a LiveKit peer, rooms made by it written directly, and the room job run now. */
@Component
public class LiveRoomsFixture {

    private final ProviderSwitcher switcher;
    private final SlotRegistry registry;
    private final PlatformSql platform;
    private final PlatformScope platformScope;
    private final LiveRoomRepository rooms;
    private final RoomMaker maker;

    LiveRoomsFixture(ProviderSwitcher switcher, SlotRegistry registry, PlatformSql platform, PlatformScope platformScope, LiveRoomRepository rooms,
            RoomMaker maker) {
        this.switcher = switcher;
        this.registry = registry;
        this.platform = platform;
        this.platformScope = platformScope;
        this.rooms = rooms;
        this.maker = maker;
    }

    /** Makes the planned rooms at the provider now, as the live-room job would. */
    public void makeDue() {
        maker.makeDue(20, java.time.Duration.ofSeconds(10));
    }

    /** The video slot served by LiveKit at the peer (which passes the switch's connection test); its settings kept, as a room's are. */
    public long onLiveKit(WireMockExtension peer, String apiKey, String apiSecret) throws ConfigRejectedException {
        return onLiveKit(peer, apiKey, apiSecret, Map.of());
    }

    /** The same, with more of the provider's settings (its web client's address, say). */
    public long onLiveKit(WireMockExtension peer, String apiKey, String apiSecret, Map<String, String> more) throws ConfigRejectedException {
        peer.stubFor(post("/twirp/livekit.RoomService/ListRooms").willReturn(okJson("{\"rooms\":[]}")));
        Map<String, String> settings = new java.util.HashMap<>(more);
        settings.putAll(Map.of("serverUrl", peer.baseUrl(), "apiKey", apiKey, "apiSecret", apiSecret));
        switcher.switchProvider(Slot.VIDEO, "livekit", settings, null, TestSwitches.AT_ONCE);
        platformScope.inTransaction(null, "test", () -> {
            rooms.keepProviderVersion(registry.stored(Slot.VIDEO));
            return null;
        });
        return registry.stored(Slot.VIDEO).version();
    }

    /** A room made for the session by the given settings version, open for the next hour; its name. */
    String made(SignedInUser teacher, CourseSummary course, UUID session, UUID roomId, long version) {
        String roomName = "s-" + roomId.toString().substring(0, 8);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        platform.call(sql -> sql.insertInto(LIVE_ROOM).set(LIVE_ROOM.ID, roomId).set(LIVE_ROOM.TENANT_ID, teacher.tenantId())
                .set(LIVE_ROOM.COURSE_ID, course.id()).set(LIVE_ROOM.ITEM_ID, session).set(LIVE_ROOM.ROOM_NAME, roomName)
                .set(LIVE_ROOM.STARTS_AT, now).set(LIVE_ROOM.ENDS_AT, now.plusHours(1))
                .set(LIVE_ROOM.PROVIDER_ID, "livekit").set(LIVE_ROOM.PROVIDER_VERSION, version).set(LIVE_ROOM.STATUS, "SENT").execute());
        return roomName;
    }
}
