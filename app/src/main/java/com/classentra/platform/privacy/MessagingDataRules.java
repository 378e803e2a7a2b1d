package com.classentra.platform.privacy;

import static com.classentra.db.jooq.Tables.CHANNEL;
import static com.classentra.db.jooq.Tables.CHANNEL_MEMBER;
import static com.classentra.db.jooq.Tables.CHANNEL_MUTE;
import static com.classentra.db.jooq.Tables.CHAT_SETTING;
import static com.classentra.db.jooq.Tables.MESSAGE;
import static com.classentra.db.jooq.Tables.MESSAGE_REACTION;
import static com.classentra.db.jooq.Tables.MESSAGE_REPORT;

import com.classentra.platform.privacy.PersonalDataRule.Deletion;
import com.classentra.platform.privacy.PersonalDataRule.SubjectKind;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/** The registry's rules for course chat: channels, read state, messages, reactions and reports. */
final class MessagingDataRules {

    private MessagingDataRules() {
    }

    /**
     * A direct channel neither of whose people takes part in its course any more (teaches in its workspace or is an
     * active student), as of {@code now} (the last of them left before it): nobody can read it, and the policy says
     * messages go "when a participant is fully removed".
     */
    private static Condition departedDirectChannel(OffsetDateTime now) {
        return DSL.condition("""
                {0} = 'DIRECT' and not exists (select 1 from unnest({1}) as member(id)
                    where exists (select 1 from enrolment e where e.course_id = {2} and e.student_id = member.id and e.status = 'ACTIVE')
                       or exists (select 1 from tenant_member m where m.tenant_id = {3} and m.user_id = member.id))
                and coalesce((select max(e.updated_at) from enrolment e where e.course_id = {2} and e.student_id = any({1})), {4}) < {5}""",
                CHANNEL.KIND, CHANNEL.MEMBERS, CHANNEL.COURSE_ID, CHANNEL.TENANT_ID, CHANNEL.CREATED_AT, DSL.val(now));
    }

    static final List<PersonalDataRule> RULES = List.of(
            PersonalDataRule.of(CHANNEL, PolicyClause.MESSAGES)
                    // Not the direct conversations of the workspace's courses: those are their two people's.
                    .subject(CHANNEL.TENANT_ID, SubjectKind.WORKSPACE, CHANNEL.KIND.ne("DIRECT"))
                    .mentions(CHANNEL.CREATED_BY)
                    .export("channels-owned", "The chat channels of the courses of the workspaces you own.", CHANNEL.ID, CHANNEL.COURSE_ID,
                            CHANNEL.KIND, CHANNEL.NAME, CHANNEL.CREATED_AT)
                    .deletion(Deletion.withPersonalWorkspace())
                    .expires(RetentionRule.named("direct-channel-departed").when(MessagingDataRules::departedDirectChannel,
                            "a direct conversation goes once neither of its two people takes part in the course any more").every(Duration.ofHours(1)))
                    .build(),
            PersonalDataRule.of(CHANNEL_MEMBER, PolicyClause.MESSAGES)
                    .subject(CHANNEL_MEMBER.USER_ID)
                    .export("chat-read-markers", "How far you have read each chat channel, how far others see you have read it, and the channels you muted.",
                            CHANNEL_MEMBER.CHANNEL_ID, CHANNEL_MEMBER.LAST_READ_SEQ, CHANNEL_MEMBER.SHARED_READ_SEQ, CHANNEL_MEMBER.LAST_READ_AT,
                            CHANNEL_MEMBER.NOTIFICATIONS_MUTED)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(CHAT_SETTING, PolicyClause.MESSAGES)
                    .subject(CHAT_SETTING.USER_ID)
                    .export("chat-settings", "Whether you let others see when you have read their messages (read receipts).",
                            CHAT_SETTING.SEND_READ_RECEIPTS, CHAT_SETTING.UPDATED_AT)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(CHANNEL_MUTE, PolicyClause.MESSAGES)
                    .subject(CHANNEL_MUTE.USER_ID)
                    .mentions(CHANNEL_MUTE.MUTED_BY)
                    .export("chat-mutes", "When a teacher stopped you posting in a channel, and until when.", CHANNEL_MUTE.CHANNEL_ID, CHANNEL_MUTE.UNTIL)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(MESSAGE, PolicyClause.MESSAGES)
                    .subject(MESSAGE.AUTHOR_ID)
                    .mentions(MESSAGE.DELETED_BY, MESSAGE.PINNED_BY)
                    .export("messages", "The chat messages you wrote, with the channel, when, and whether you edited or deleted them.", MESSAGE.ID,
                            MESSAGE.CHANNEL_ID, MESSAGE.PARENT_ID, MESSAGE.BODY_HTML, MESSAGE.MENTIONS, MESSAGE.CREATED_AT, MESSAGE.EDITED_AT,
                            MESSAGE.DELETED_AT)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(MESSAGE_REACTION, PolicyClause.MESSAGES)
                    .subject(MESSAGE_REACTION.USER_ID)
                    .export("reactions", "The emoji you reacted with, and to which message.", MESSAGE_REACTION.MESSAGE_ID, MESSAGE_REACTION.EMOJI,
                            MESSAGE_REACTION.CREATED_AT)
                    .deletion(Deletion.delete())
                    .build(),

            PersonalDataRule.of(MESSAGE_REPORT, PolicyClause.MESSAGES)
                    .subject(MESSAGE_REPORT.REPORTER_ID)
                    .mentions(MESSAGE_REPORT.RESOLVED_BY)
                    .export("message-reports", "The chat messages you reported to a course's teachers, and why.", MESSAGE_REPORT.MESSAGE_ID,
                            MESSAGE_REPORT.REASON, MESSAGE_REPORT.CREATED_AT, MESSAGE_REPORT.RESOLVED_AT)
                    .deletion(Deletion.delete())
                    .build());
}
