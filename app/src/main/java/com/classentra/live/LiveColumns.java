package com.classentra.live;

import static com.classentra.db.jooq.Tables.LIVE_RECORDING;
import static com.classentra.db.jooq.Tables.VIDEO_CLEANUP;

import com.classentra.platform.db.EnumColumn;
import org.jooq.Field;

/** The live-class columns that hold an enum, typed. */
final class LiveColumns {

    static final Field<RecordingStatus> RECORDING_STATUS = EnumColumn.of(LIVE_RECORDING.STATUS, RecordingStatus.class);
    static final Field<CleanupAction> CLEANUP_ACTION = EnumColumn.of(VIDEO_CLEANUP.ACTION, CleanupAction.class);

    private LiveColumns() {
    }
}
