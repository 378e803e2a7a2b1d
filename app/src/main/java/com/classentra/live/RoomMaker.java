package com.classentra.live;

import com.classentra.db.jooq.tables.records.LiveRoomRecord;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.classentra.platform.jobs.RetryPolicy;
import com.classentra.platform.plugins.StoredSlot;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.video.MeetingRoom;
import com.classentra.plugin.api.video.RoomRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes planned rooms at the video provider: the {@code live-room} queue, retried with backoff while the provider is
 * out, given up (the teacher sees why) when it refuses. A room is made by the slot's current provider, except one
 * whose join window is open already: that keeps the provider it was made with until it ends. A room moving to another
 * provider has its former room closed.
 */
@Component
class RoomMaker {

    /** The provider closes a room this long after its session ends, whatever happens here. */
    static final Duration CLOSES_AFTER_END = Duration.ofMinutes(30);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int MAX_PARTICIPANTS = 300;

    private final VideoProviders providers;
    private final LiveRoomRepository rooms;
    private final RoomPlanRepository plans;
    private final PlatformScope platformScope;
    private final QueueDrain<LiveRoomRecord> queue;

    RoomMaker(VideoProviders providers, LiveRoomRepository rooms, RoomPlanRepository plans, PlatformScope platformScope, DSLContext db,
            MeterRegistry meters, @Value("${classentra.live.room-max-attempts:12}") int maxAttempts) {
        this.providers = providers;
        this.rooms = rooms;
        this.plans = plans;
        this.platformScope = platformScope;
        this.queue = new QueueDrain<>("live-room", RoomPlanRepository.QUEUE, new RetryPolicy(maxAttempts, Duration.ofSeconds(15), Duration.ofMinutes(10)),
                LEASE, row -> "room " + row.getRoomName(), db, platformScope, meters);
    }

    /** Makes the due rooms until none is or the budget is spent; returns how many were handled. */
    int makeDue(int batchSize, Duration budget) {
        return queue.drain(batchSize, budget, row -> {
            if (!Instant.now().isBefore(row.getEndsAt().toInstant())) {
                throw new ProviderException(ProviderException.Kind.PERMANENT, "The session ended before its room could be made");
            }
            Instant opens = row.getStartsAt().toInstant().minus(LiveRooms.OPENS_BEFORE);
            boolean keepsItsProvider = row.getProviderVersion() != null && !Instant.now().isBefore(opens);
            StoredSlot settings = keepsItsProvider ? null : providers.currentSettings();
            long version = keepsItsProvider ? row.getProviderVersion() : settings.version();
            if (settings != null) {
                platformScope.inTransaction(null, "keep the video settings of a room", () -> {
                    rooms.keepProviderVersion(settings);
                    return null;
                });
            }
            RoomRequest request = new RoomRequest(row.getRoomName(), opens, row.getEndsAt().toInstant().plus(CLOSES_AFTER_END), MAX_PARTICIPANTS, true);
            MeetingRoom made = providers.call(version, provider -> provider.createRoom(request));
            String providerId = keepsItsProvider ? row.getProviderId() : settings.providerId();
            platformScope.inTransaction(null, "room made", () -> {
                if (row.getProviderVersion() != null && row.getProviderVersion() != version) {
                    rooms.queueEndRoom(row.getProviderVersion(), row.getRoomName());
                }
                plans.made(row.getId(), providerId, version, made.url().toString());
                return null;
            });
        });
    }
}
