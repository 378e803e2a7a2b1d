package com.classentra.platform.privacy;

import static com.classentra.db.jooq.Tables.LIVE_PARTICIPATION;
import static com.classentra.db.jooq.Tables.LIVE_RECORDING;
import static com.classentra.db.jooq.Tables.LIVE_ROOM;
import static com.classentra.db.jooq.Tables.VIDEO_CLEANUP;
import static com.classentra.db.jooq.Tables.WEBHOOK_INBOX;

import com.classentra.platform.privacy.PersonalDataRule.Deletion;
import com.classentra.platform.privacy.PersonalDataRule.SubjectKind;
import java.time.Duration;
import java.util.List;

/** The registry's rules for live classes in native rooms, and for the webhooks providers send about them. */
final class LiveClassDataRules {

    private LiveClassDataRules() {
    }

    static final List<PersonalDataRule> RULES = List.of(
            PersonalDataRule.of(LIVE_ROOM, PolicyClause.LIVE_PARTICIPATION)
                    .subject(LIVE_ROOM.TENANT_ID, SubjectKind.WORKSPACE)
                    .export("live-rooms", "The native rooms of the sessions of the workspaces you own, with their settings and provider.",
                            LIVE_ROOM.ITEM_ID, LIVE_ROOM.COURSE_ID, LIVE_ROOM.STUDENTS_PUBLISH, LIVE_ROOM.PRESENT_PERCENT,
                            LIVE_ROOM.LATE_AFTER_MINUTES, LIVE_ROOM.PROVIDER_ID, LIVE_ROOM.ENDED_AT, LIVE_ROOM.CREATED_AT)
                    .deletion(Deletion.withPersonalWorkspace())
                    .build(),
            PersonalDataRule.of(LIVE_PARTICIPATION, PolicyClause.LIVE_PARTICIPATION)
                    .subject(LIVE_PARTICIPATION.USER_ID)
                    .export("live-participation", "When you joined and left each native live class, and the name shown in the room.",
                            LIVE_PARTICIPATION.COURSE_ID, LIVE_PARTICIPATION.ROOM_ID, LIVE_PARTICIPATION.DISPLAY_NAME,
                            LIVE_PARTICIPATION.JOINED_AT, LIVE_PARTICIPATION.LEFT_AT)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(LIVE_RECORDING, PolicyClause.LIVE_PARTICIPATION)
                    .subject(LIVE_RECORDING.TENANT_ID, SubjectKind.WORKSPACE)
                    .mentions(LIVE_RECORDING.STARTED_BY)
                    .export("live-recordings", "The recordings of the native live classes of the workspaces you own: when, how long, how large and where.",
                            LIVE_RECORDING.ROOM_ID, LIVE_RECORDING.STATUS, LIVE_RECORDING.STARTED_AT, LIVE_RECORDING.DURATION_SECONDS,
                            LIVE_RECORDING.SIZE_BYTES, LIVE_RECORDING.LOCATION)
                    .deletion(Deletion.withPersonalWorkspace())
                    .build(),
            PersonalDataRule.of(VIDEO_CLEANUP, PolicyClause.LIVE_PARTICIPATION)
                    .notExported("work still to do at the video provider: a room to close, a file to delete, a student to put out of a room")
                    .deletion(Deletion.byRetentionOnly("a row names a student only to put them out of a room; done rows are deleted at once"))
                    .expires(RetentionRule.named("video-cleanup-given-up").after(Duration.ofDays(30), VIDEO_CLEANUP.CREATED_AT,
                            "30 days after it was queued, once given up").onlyWhere(VIDEO_CLEANUP.STATUS.eq("DEAD")).every(Duration.ofDays(1)))
                    .build(),
            PersonalDataRule.of(WEBHOOK_INBOX, PolicyClause.SERVER_LOGS)
                    .notExported("what providers told us about rooms and payments, kept 30 days for the administrator; the events it held are "
                            + "exported where they were applied (participation, recordings)")
                    .deletion(Deletion.byRetentionOnly("a body may carry a display name; every row goes 30 days after it arrived"))
                    .expires(RetentionRule.named("webhook-inbox").after(Duration.ofDays(30), WEBHOOK_INBOX.RECEIVED_AT, "30 days after it arrived")
                            .onlyWhere(WEBHOOK_INBOX.STATUS.ne("SENDING")).every(Duration.ofHours(6)))
                    .build());
}
