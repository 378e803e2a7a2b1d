package com.classentra.live;

import static com.classentra.db.jooq.Tables.VIDEO_CLEANUP;

import com.classentra.db.jooq.tables.records.VideoCleanupRecord;
import com.classentra.platform.db.EnumColumn;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.classentra.platform.jobs.QueueTable;
import com.classentra.platform.jobs.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Does at the provider what changes to rows left to do ({@code video_cleanup}, filled by triggers whatever made the
 * change): closes the rooms of deleted sessions, deletes the files of deleted recordings, and puts out of open rooms the
 * students who left the course, with the settings version that made each room. A provider that cannot delete files (LiveKit writes into storage it does not manage) leaves the row
 * DEAD with its reason, for the administrator.
 */
@Component
class VideoCleanup {

    static final QueueTable<VideoCleanupRecord> QUEUE = new QueueTable<>(VIDEO_CLEANUP, VIDEO_CLEANUP.ID, VIDEO_CLEANUP.STATUS,
            VIDEO_CLEANUP.ATTEMPTS, VIDEO_CLEANUP.NEXT_ATTEMPT_AT, VIDEO_CLEANUP.LEASE_UNTIL, VIDEO_CLEANUP.LAST_ERROR,
            VIDEO_CLEANUP.CREATED_AT, VIDEO_CLEANUP.UPDATED_AT);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final VideoProviders providers;
    private final PlatformScope platformScope;
    private final DSLContext db;
    private final QueueDrain<VideoCleanupRecord> queue;

    VideoCleanup(VideoProviders providers, PlatformScope platformScope, DSLContext db, MeterRegistry meters,
            @Value("${classentra.live.cleanup-max-attempts:10}") int maxAttempts) {
        this.providers = providers;
        this.platformScope = platformScope;
        this.db = db;
        this.queue = new QueueDrain<>("video-cleanup", QUEUE, new RetryPolicy(maxAttempts, Duration.ofMinutes(1), Duration.ofHours(6)), LEASE,
                row -> EnumColumn.get(row, LiveColumns.CLEANUP_ACTION) + " of " + row.getRoomName() + " at settings version " + row.getProviderVersion(), db, platformScope, meters);
    }

    /** Works the due rows until none is or the budget is spent; returns how many were handled. */
    int cleanDue(int batchSize, Duration budget) {
        return queue.drain(batchSize, budget, row -> {
            CleanupAction action = EnumColumn.get(row, LiveColumns.CLEANUP_ACTION);
            providers.call(row.getProviderVersion(), rooms -> {
                switch (action) {
                    case END_ROOM -> rooms.endRoom(row.getRoomName());
                    case DELETE_RECORDING -> rooms.deleteRecording(row.getProviderRecordingId());
                    case REMOVE_PARTICIPANT -> rooms.removeParticipant(row.getRoomName(), row.getParticipantIdentity());
                }
                return null;
            });
            platformScope.inTransaction(null, "video cleanup done", () -> {
                QUEUE.remove(db, row.getId());
                return null;
            });
        });
    }
}
