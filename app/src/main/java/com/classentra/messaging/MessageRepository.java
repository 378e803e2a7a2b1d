package com.classentra.messaging;

import static com.classentra.db.jooq.Tables.CHANNEL;
import static com.classentra.db.jooq.Tables.CHANNEL_MEMBER;
import static com.classentra.db.jooq.Tables.CHANNEL_MUTE;
import static com.classentra.db.jooq.Tables.CHAT_SETTING;
import static com.classentra.db.jooq.Tables.MESSAGE;
import static com.classentra.db.jooq.Tables.MESSAGE_REACTION;
import static com.classentra.db.jooq.Tables.MESSAGE_REPORT;

import com.classentra.platform.db.EnumColumn;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channels, messages, reactions and read markers, read and written in the caller's scope: row-level security decides
 * which channels exist for the caller, and every message, reaction and marker follows its channel.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
class MessageRepository {

    private final DSLContext db;

    MessageRepository(DSLContext db) {
        this.db = db;
    }

    Optional<Channel> channel(UUID id) {
        return db.selectFrom(CHANNEL).where(CHANNEL.ID.eq(id)).fetchOptional(MessageRepository::channel);
    }

    Optional<Channel> courseChannel(UUID courseId) {
        return db.selectFrom(CHANNEL).where(CHANNEL.COURSE_ID.eq(courseId).and(MessagingColumns.KIND.eq(ChannelKind.COURSE)))
                .fetchOptional(MessageRepository::channel);
    }

    Optional<Channel> direct(UUID courseId, String pair) {
        return db.selectFrom(CHANNEL).where(CHANNEL.COURSE_ID.eq(courseId).and(MessagingColumns.KIND.eq(ChannelKind.DIRECT))
                .and(CHANNEL.DIRECT_PAIR.eq(pair))).fetchOptional(MessageRepository::channel);
    }

    /** The channels of the course the caller reads, the course's own first, then topics by name, then direct ones. */
    List<Channel> channels(UUID courseId) {
        return db.selectFrom(CHANNEL).where(CHANNEL.COURSE_ID.eq(courseId))
                .orderBy(DSL.case_(MessagingColumns.KIND).when(ChannelKind.COURSE, 0).when(ChannelKind.TOPIC, 1).otherwise(2), CHANNEL.NAME, CHANNEL.CREATED_AT)
                .fetch(MessageRepository::channel);
    }

    /** Adds a channel unless its unique key (the course's one channel, a pair's direct channel) already has one. */
    void insert(Channel channel, UUID createdBy) {
        db.insertInto(CHANNEL)
                .set(CHANNEL.ID, channel.id()).set(CHANNEL.TENANT_ID, channel.tenantId()).set(CHANNEL.COURSE_ID, channel.courseId())
                .set(MessagingColumns.KIND, channel.kind()).set(MessagingColumns.AUDIENCE, channel.audience())
                .set(CHANNEL.NAME, channel.name()).set(CHANNEL.DIRECT_PAIR, channel.directPair())
                .set(CHANNEL.MEMBERS, channel.members().toArray(UUID[]::new)).set(CHANNEL.CREATED_BY, createdBy)
                .onConflictDoNothing().execute();
    }

    void allowStudentDirectMessages(UUID channelId, boolean allowed) {
        db.update(CHANNEL).set(CHANNEL.STUDENTS_MAY_MESSAGE_EACH_OTHER, allowed).where(CHANNEL.ID.eq(channelId)).execute();
    }

    UUID insertMessage(Channel channel, UUID author, UUID parentId, String html, String text, String flagged, List<UUID> mentions) {
        return db.insertInto(MESSAGE).set(MESSAGE.TENANT_ID, channel.tenantId()).set(MESSAGE.CHANNEL_ID, channel.id())
                .set(MESSAGE.AUTHOR_ID, author).set(MESSAGE.PARENT_ID, parentId).set(MESSAGE.BODY_HTML, html).set(MESSAGE.BODY_TEXT, text)
                .set(MESSAGE.FLAGGED, flagged).set(MESSAGE.MENTIONS, mentions.toArray(UUID[]::new))
                .returning(MESSAGE.ID).fetchSingle(MESSAGE.ID);
    }

    Optional<Stored> message(UUID id) {
        return db.select(MESSAGE.ID, MESSAGE.CHANNEL_ID, MESSAGE.AUTHOR_ID, MESSAGE.PARENT_ID, MESSAGE.DELETED_AT.isNotNull(), MESSAGE.MENTIONS)
                .from(MESSAGE).where(MESSAGE.ID.eq(id))
                .fetchOptional(r -> new Stored(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), List.of(r.value6())));
    }

    /** A message's place, author and whom it mentions, for the checks before a change. */
    record Stored(UUID id, UUID channelId, UUID authorId, UUID parentId, boolean deleted, List<UUID> mentions) {
    }

    boolean edit(UUID id, String html, String text, String flagged, List<UUID> mentions) {
        return db.update(MESSAGE).set(MESSAGE.BODY_HTML, html).set(MESSAGE.BODY_TEXT, text).set(MESSAGE.FLAGGED, flagged)
                .set(MESSAGE.MENTIONS, mentions.toArray(UUID[]::new))
                .set(MESSAGE.EDITED_AT, OffsetDateTime.now())
                .where(MESSAGE.ID.eq(id).and(MESSAGE.DELETED_AT.isNull())).execute() == 1;
    }

    /** Removes the content and keeps the place ("message deleted"), with who deleted it; its reactions go. */
    boolean delete(UUID id, UUID by) {
        int deleted = db.update(MESSAGE).setNull(MESSAGE.BODY_HTML).setNull(MESSAGE.BODY_TEXT).setNull(MESSAGE.FLAGGED)
                .set(MESSAGE.MENTIONS, new UUID[0])
                .set(MESSAGE.DELETED_AT, OffsetDateTime.now()).set(MESSAGE.DELETED_BY, by).setNull(MESSAGE.PINNED_AT).setNull(MESSAGE.PINNED_BY)
                .where(MESSAGE.ID.eq(id).and(MESSAGE.DELETED_AT.isNull())).execute();
        db.deleteFrom(MESSAGE_REACTION).where(MESSAGE_REACTION.MESSAGE_ID.eq(id)).execute();
        return deleted == 1;
    }

    /** A page of the channel's messages before {@code beforeSeq} (newest first), by the (channel, seq) index alone. */
    List<Record> page(UUID channelId, long beforeSeq, int limit) {
        return new java.util.ArrayList<>(db.select(MESSAGE.ID, MESSAGE.SEQ, MESSAGE.AUTHOR_ID, MESSAGE.PARENT_ID, MESSAGE.BODY_HTML, MESSAGE.CREATED_AT,
                        MESSAGE.EDITED_AT, MESSAGE.DELETED_AT, MESSAGE.PINNED_AT, MESSAGE.FLAGGED, MESSAGE.MENTIONS)
                .from(MESSAGE).where(MESSAGE.CHANNEL_ID.eq(channelId).and(MESSAGE.SEQ.lt(beforeSeq)))
                .orderBy(MESSAGE.SEQ.desc()).limit(limit).fetch());
    }

    /** Who reacted with what, for these messages: message, emoji, people in the order they reacted. */
    Map<UUID, Map<String, List<UUID>>> reactions(Collection<UUID> messages) {
        Map<UUID, Map<String, List<UUID>>> byMessage = new LinkedHashMap<>();
        db.select(MESSAGE_REACTION.MESSAGE_ID, MESSAGE_REACTION.EMOJI, MESSAGE_REACTION.USER_ID).from(MESSAGE_REACTION)
                .where(MESSAGE_REACTION.MESSAGE_ID.in(messages)).orderBy(MESSAGE_REACTION.CREATED_AT)
                .forEach(r -> byMessage.computeIfAbsent(r.value1(), id -> new LinkedHashMap<>())
                        .computeIfAbsent(r.value2(), emoji -> new java.util.ArrayList<>()).add(r.value3()));
        return byMessage;
    }

    /** Adds the reaction; false when the person had already reacted so. */
    boolean react(UUID messageId, Channel channel, UUID person, String emoji) {
        return db.insertInto(MESSAGE_REACTION).set(MESSAGE_REACTION.MESSAGE_ID, messageId).set(MESSAGE_REACTION.USER_ID, person)
                .set(MESSAGE_REACTION.TENANT_ID, channel.tenantId()).set(MESSAGE_REACTION.CHANNEL_ID, channel.id())
                .set(MESSAGE_REACTION.EMOJI, emoji).onConflictDoNothing().execute() == 1;
    }

    boolean unreact(UUID messageId, UUID person, String emoji) {
        return db.deleteFrom(MESSAGE_REACTION).where(MESSAGE_REACTION.MESSAGE_ID.eq(messageId).and(MESSAGE_REACTION.USER_ID.eq(person))
                .and(MESSAGE_REACTION.EMOJI.eq(emoji))).execute() == 1;
    }

    /**
     * Moves the person's read marker forward to {@code seq} (never back), and the one the others see ("seen") too when
     * the person sends read receipts; false when neither moved.
     */
    boolean markRead(Channel channel, UUID person, long seq, boolean shared) {
        long sharedSeq = shared ? seq : 0;
        return db.insertInto(CHANNEL_MEMBER).set(CHANNEL_MEMBER.CHANNEL_ID, channel.id()).set(CHANNEL_MEMBER.TENANT_ID, channel.tenantId())
                .set(CHANNEL_MEMBER.USER_ID, person).set(CHANNEL_MEMBER.LAST_READ_SEQ, seq).set(CHANNEL_MEMBER.SHARED_READ_SEQ, sharedSeq)
                .set(CHANNEL_MEMBER.LAST_READ_AT, OffsetDateTime.now())
                .onConflict(CHANNEL_MEMBER.CHANNEL_ID, CHANNEL_MEMBER.USER_ID).doUpdate()
                .set(CHANNEL_MEMBER.LAST_READ_SEQ, DSL.greatest(CHANNEL_MEMBER.LAST_READ_SEQ, DSL.val(seq)))
                .set(CHANNEL_MEMBER.SHARED_READ_SEQ, DSL.greatest(CHANNEL_MEMBER.SHARED_READ_SEQ, DSL.val(sharedSeq)))
                .set(CHANNEL_MEMBER.LAST_READ_AT, OffsetDateTime.now())
                .where(CHANNEL_MEMBER.LAST_READ_SEQ.lt(seq).or(CHANNEL_MEMBER.SHARED_READ_SEQ.lt(sharedSeq)))
                .execute() == 1;
    }

    /** Whether the person hears of new messages in the channel beyond the open page (notifications). */
    void muteNotifications(Channel channel, UUID person, boolean muted) {
        db.insertInto(CHANNEL_MEMBER).set(CHANNEL_MEMBER.CHANNEL_ID, channel.id()).set(CHANNEL_MEMBER.TENANT_ID, channel.tenantId())
                .set(CHANNEL_MEMBER.USER_ID, person).set(CHANNEL_MEMBER.NOTIFICATIONS_MUTED, muted)
                .onConflict(CHANNEL_MEMBER.CHANNEL_ID, CHANNEL_MEMBER.USER_ID).doUpdate().set(CHANNEL_MEMBER.NOTIFICATIONS_MUTED, muted)
                .execute();
    }

    /** Which of these people muted the channel's notifications. */
    java.util.Set<UUID> notificationsMuted(UUID channelId, Collection<UUID> people) {
        return new java.util.HashSet<>(db.select(CHANNEL_MEMBER.USER_ID).from(CHANNEL_MEMBER)
                .where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId).and(CHANNEL_MEMBER.USER_ID.in(people)).and(CHANNEL_MEMBER.NOTIFICATIONS_MUTED))
                .fetch(CHANNEL_MEMBER.USER_ID));
    }

    /** Whether the person lets others see what they have read (on unless they turned it off). */
    boolean sendsReadReceipts(UUID person) {
        return db.select(CHAT_SETTING.SEND_READ_RECEIPTS).from(CHAT_SETTING).where(CHAT_SETTING.USER_ID.eq(person))
                .fetchOptional(CHAT_SETTING.SEND_READ_RECEIPTS).orElse(true);
    }

    void setSendReadReceipts(UUID person, boolean send) {
        db.insertInto(CHAT_SETTING).set(CHAT_SETTING.USER_ID, person).set(CHAT_SETTING.SEND_READ_RECEIPTS, send)
                .onConflict(CHAT_SETTING.USER_ID).doUpdate().set(CHAT_SETTING.SEND_READ_RECEIPTS, send).set(CHAT_SETTING.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    Optional<Long> seqOf(UUID channelId, UUID messageId) {
        return db.select(MESSAGE.SEQ).from(MESSAGE).where(MESSAGE.ID.eq(messageId).and(MESSAGE.CHANNEL_ID.eq(channelId))).fetchOptional(MESSAGE.SEQ);
    }

    /** The highest message number of the channel; 0 when it has none. */
    long lastSeq(UUID channelId) {
        return db.select(DSL.coalesce(DSL.max(MESSAGE.SEQ), 0L)).from(MESSAGE).where(MESSAGE.CHANNEL_ID.eq(channelId)).fetchSingle().value1();
    }

    /** Unread messages by others, per channel of these, for the person. */
    Map<UUID, Integer> unread(Collection<UUID> channels, UUID person) {
        return db.select(MESSAGE.CHANNEL_ID, DSL.count()).from(MESSAGE)
                .leftJoin(CHANNEL_MEMBER).on(CHANNEL_MEMBER.CHANNEL_ID.eq(MESSAGE.CHANNEL_ID).and(CHANNEL_MEMBER.USER_ID.eq(person)))
                .where(MESSAGE.CHANNEL_ID.in(channels)).and(MESSAGE.DELETED_AT.isNull())
                .and(MESSAGE.AUTHOR_ID.isDistinctFrom(person))
                .and(MESSAGE.SEQ.gt(DSL.coalesce(CHANNEL_MEMBER.LAST_READ_SEQ, 0L)))
                .groupBy(MESSAGE.CHANNEL_ID)
                .fetchMap(MESSAGE.CHANNEL_ID, r -> r.value2());
    }

    /** Counts stop here: "99+" is all a badge says, and counting further reads rows for nothing. */
    static final int UNREAD_COUNTED = 100;

    /**
     * Every channel the caller reads, in any course, that has messages: with the caller's unread count (at most
     * {@value #UNREAD_COUNTED}) and when it last had one, most recent first.
     */
    List<InboxRow> inbox(UUID person) {
        var latest = DSL.field(DSL.select(DSL.max(MESSAGE.CREATED_AT)).from(MESSAGE).where(MESSAGE.CHANNEL_ID.eq(CHANNEL.ID)));
        var unread = DSL.field(DSL.selectCount().from(DSL.select(DSL.one()).from(MESSAGE)
                .where(MESSAGE.CHANNEL_ID.eq(CHANNEL.ID)).and(MESSAGE.DELETED_AT.isNull()).and(MESSAGE.AUTHOR_ID.isDistinctFrom(person))
                .and(MESSAGE.SEQ.gt(DSL.coalesce(CHANNEL_MEMBER.LAST_READ_SEQ, 0L))).limit(UNREAD_COUNTED)));
        return db.select(CHANNEL.asterisk(), unread, latest).from(CHANNEL)
                .leftJoin(CHANNEL_MEMBER).on(CHANNEL_MEMBER.CHANNEL_ID.eq(CHANNEL.ID).and(CHANNEL_MEMBER.USER_ID.eq(person)))
                .where(DSL.exists(DSL.selectOne().from(MESSAGE).where(MESSAGE.CHANNEL_ID.eq(CHANNEL.ID))))
                .orderBy(latest.desc())
                .fetch(r -> new InboxRow(channel(r), r.get(unread), r.get(latest).toInstant()));
    }

    record InboxRow(Channel channel, int unread, java.time.Instant lastMessageAt) {
    }

    /** Everyone's read marker in the channel as they share it ("seen"), by person. */
    Map<UUID, Long> readMarkers(UUID channelId) {
        return db.select(CHANNEL_MEMBER.USER_ID, CHANNEL_MEMBER.SHARED_READ_SEQ).from(CHANNEL_MEMBER).where(CHANNEL_MEMBER.CHANNEL_ID.eq(channelId))
                .fetchMap(CHANNEL_MEMBER.USER_ID, CHANNEL_MEMBER.SHARED_READ_SEQ);
    }

    /** Until when a teacher muted the person from posting in the channel; empty when they may post. */
    Optional<OffsetDateTime> postingMutedUntil(UUID channelId, UUID person) {
        return db.select(CHANNEL_MUTE.UNTIL).from(CHANNEL_MUTE)
                .where(CHANNEL_MUTE.CHANNEL_ID.eq(channelId).and(CHANNEL_MUTE.USER_ID.eq(person)).and(CHANNEL_MUTE.UNTIL.gt(OffsetDateTime.now())))
                .fetchOptional(CHANNEL_MUTE.UNTIL);
    }

    void mutePosting(Channel channel, UUID person, OffsetDateTime until, UUID by) {
        db.insertInto(CHANNEL_MUTE).set(CHANNEL_MUTE.CHANNEL_ID, channel.id()).set(CHANNEL_MUTE.TENANT_ID, channel.tenantId())
                .set(CHANNEL_MUTE.USER_ID, person).set(CHANNEL_MUTE.UNTIL, until).set(CHANNEL_MUTE.MUTED_BY, by)
                .onConflict(CHANNEL_MUTE.CHANNEL_ID, CHANNEL_MUTE.USER_ID).doUpdate().set(CHANNEL_MUTE.UNTIL, until).set(CHANNEL_MUTE.MUTED_BY, by)
                .execute();
    }

    /** Everyone who wrote or reacted in the channel, as the caller reads it. */
    java.util.Set<UUID> peopleOf(UUID channelId) {
        java.util.Set<UUID> people = new java.util.HashSet<>(db.selectDistinct(MESSAGE.AUTHOR_ID).from(MESSAGE)
                .where(MESSAGE.CHANNEL_ID.eq(channelId).and(MESSAGE.AUTHOR_ID.isNotNull())).fetch(MESSAGE.AUTHOR_ID));
        people.addAll(db.selectDistinct(MESSAGE_REACTION.USER_ID).from(MESSAGE_REACTION).where(MESSAGE_REACTION.CHANNEL_ID.eq(channelId))
                .fetch(MESSAGE_REACTION.USER_ID));
        return people;
    }

    boolean pin(UUID messageId, UUID by, boolean pinned) {
        return db.update(MESSAGE).set(MESSAGE.PINNED_AT, pinned ? OffsetDateTime.now() : null).set(MESSAGE.PINNED_BY, pinned ? by : null)
                .where(MESSAGE.ID.eq(messageId).and(MESSAGE.DELETED_AT.isNull())).execute() == 1;
    }

    /** Messages matching the search words in the channels the caller reads, newest first. */
    List<SearchHit> search(UUID courseId, String words, int limit) {
        var query = DSL.field("websearch_to_tsquery('simple', {0})", Object.class, DSL.val(words));
        return db.select(MESSAGE.ID, MESSAGE.CHANNEL_ID, MESSAGE.SEQ, MESSAGE.AUTHOR_ID, MESSAGE.CREATED_AT,
                        DSL.field("ts_headline('simple', {0}, {1}, 'StartSel=«,StopSel=»,MaxFragments=1,MaxWords=20,MinWords=8')", String.class,
                                MESSAGE.BODY_TEXT, query))
                .from(MESSAGE).join(CHANNEL).on(CHANNEL.ID.eq(MESSAGE.CHANNEL_ID))
                .where(CHANNEL.COURSE_ID.eq(courseId)).and(MESSAGE.DELETED_AT.isNull())
                .and(DSL.condition("{0} @@ {1}", MESSAGE.SEARCH, query))
                .orderBy(MESSAGE.CREATED_AT.desc()).limit(limit)
                .fetch(r -> new SearchHit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().toInstant(), r.value6()));
    }


    UUID insertReport(Channel channel, UUID messageId, UUID reporter, String reason) {
        return db.insertInto(MESSAGE_REPORT).set(MESSAGE_REPORT.TENANT_ID, channel.tenantId()).set(MESSAGE_REPORT.CHANNEL_ID, channel.id())
                .set(MESSAGE_REPORT.COURSE_ID, channel.courseId())
                .set(MESSAGE_REPORT.MESSAGE_ID, messageId).set(MESSAGE_REPORT.REPORTER_ID, reporter).set(MESSAGE_REPORT.REASON, reason)
                .onConflictDoNothing().returning(MESSAGE_REPORT.ID).fetchOptional(MESSAGE_REPORT.ID).orElse(null);
    }

    /** The open reports of the course's channels, direct ones included (the caller's workspace), oldest first. */
    List<MessageReport> openReports(UUID courseId) {
        return db.select(MESSAGE_REPORT.ID, MESSAGE_REPORT.MESSAGE_ID, MESSAGE_REPORT.CHANNEL_ID, MESSAGE_REPORT.REPORTER_ID, MESSAGE_REPORT.REASON,
                        MESSAGE_REPORT.CREATED_AT, MESSAGE.BODY_TEXT)
                .from(MESSAGE_REPORT)
                // The message itself only where the teacher reads its channel: not in a direct conversation.
                .leftJoin(MESSAGE).on(MESSAGE.ID.eq(MESSAGE_REPORT.MESSAGE_ID))
                .where(MESSAGE_REPORT.COURSE_ID.eq(courseId).and(MESSAGE_REPORT.RESOLVED_AT.isNull()))
                .orderBy(MESSAGE_REPORT.CREATED_AT)
                .fetch(r -> new MessageReport(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6().toInstant(), r.value7()));
    }


    boolean resolveReport(UUID reportId, UUID by) {
        return db.update(MESSAGE_REPORT).set(MESSAGE_REPORT.RESOLVED_AT, OffsetDateTime.now()).set(MESSAGE_REPORT.RESOLVED_BY, by)
                .where(MESSAGE_REPORT.ID.eq(reportId).and(MESSAGE_REPORT.RESOLVED_AT.isNull())).execute() == 1;
    }

    private static Channel channel(org.jooq.Record r) {
        return new Channel(r.get(CHANNEL.ID), r.get(CHANNEL.TENANT_ID), r.get(CHANNEL.COURSE_ID), EnumColumn.get(r, MessagingColumns.KIND),
                EnumColumn.get(r, MessagingColumns.AUDIENCE), r.get(CHANNEL.NAME), r.get(CHANNEL.DIRECT_PAIR), List.of(r.get(CHANNEL.MEMBERS)),
                r.get(CHANNEL.STUDENTS_MAY_MESSAGE_EACH_OTHER));
    }
}
