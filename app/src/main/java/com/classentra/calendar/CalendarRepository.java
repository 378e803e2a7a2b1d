package com.classentra.calendar;

import static com.classentra.db.jooq.Tables.CALENDAR_EVENT;
import static com.classentra.db.jooq.Tables.CALENDAR_FEED;
import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import com.classentra.classwork.ItemColumns;
import com.classentra.classwork.ItemKind;
import com.classentra.courses.ActiveEnrolments;
import com.classentra.calendar.CalendarEntry.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** jOOQ queries on personal events, the course items that appear on calendars, and feed tokens. */
@Repository
class CalendarRepository {

    /** The longest a session may last (course_item's check), so a session started this long before a range can still overlap it. */
    private static final Duration LONGEST_SESSION = Duration.ofMinutes(1440);

    private final DSLContext db;

    CalendarRepository(DSLContext db) {
        this.db = db;
    }

    /** The person's events overlapping the range; row-level security limits calendar_event to its owner anyway. */
    List<CalendarEntry> personalEvents(UUID userId, Instant from, Instant to) {
        return db.selectFrom(CALENDAR_EVENT)
                .where(CALENDAR_EVENT.USER_ID.eq(userId).and(CALENDAR_EVENT.STARTS_AT.lt(utc(to))).and(CALENDAR_EVENT.ENDS_AT.ge(utc(from))))
                .orderBy(CALENDAR_EVENT.STARTS_AT)
                .fetch(CalendarRepository::personal);
    }

    Optional<CalendarEntry> personalEvent(UUID userId, UUID id) {
        return db.selectFrom(CALENDAR_EVENT).where(CALENDAR_EVENT.ID.eq(id).and(CALENDAR_EVENT.USER_ID.eq(userId)))
                .fetchOptional(CalendarRepository::personal);
    }

    void insert(UUID id, UUID userId, EventForm form) {
        db.insertInto(CALENDAR_EVENT).set(CALENDAR_EVENT.ID, id).set(CALENDAR_EVENT.USER_ID, userId)
                .set(CALENDAR_EVENT.TITLE, form.title().strip()).set(CALENDAR_EVENT.NOTES, notes(form))
                .set(CALENDAR_EVENT.STARTS_AT, utc(form.startsAt())).set(CALENDAR_EVENT.ENDS_AT, utc(form.endsAt()))
                .execute();
    }

    boolean update(UUID userId, UUID id, EventForm form) {
        return db.update(CALENDAR_EVENT)
                .set(CALENDAR_EVENT.TITLE, form.title().strip()).set(CALENDAR_EVENT.NOTES, notes(form))
                .set(CALENDAR_EVENT.STARTS_AT, utc(form.startsAt())).set(CALENDAR_EVENT.ENDS_AT, utc(form.endsAt()))
                .where(CALENDAR_EVENT.ID.eq(id).and(CALENDAR_EVENT.USER_ID.eq(userId)))
                .execute() == 1;
    }

    boolean delete(UUID userId, UUID id) {
        return db.deleteFrom(CALENDAR_EVENT).where(CALENDAR_EVENT.ID.eq(id).and(CALENDAR_EVENT.USER_ID.eq(userId))).execute() == 1;
    }

    /** Sessions and due dates of the workspace's current (not archived) courses. */
    List<CalendarEntry> teachingItems(UUID tenantId, Instant from, Instant to) {
        return courseItems(COURSE_ITEM.TENANT_ID.eq(tenantId), from, to);
    }

    /** Sessions and due dates of the courses the student is actively enrolled in (row-level security requires it too). */
    List<CalendarEntry> learningItems(UUID studentId, Instant from, Instant to) {
        return courseItems(ActiveEnrolments.isActive(COURSE_ITEM.COURSE_ID, val(studentId)).and(COURSE_ITEM.SHARED), from, to);
    }

    private List<CalendarEntry> courseItems(Condition whose, Instant from, Instant to) {
        Condition sessions = ItemColumns.KIND.eq(ItemKind.SESSION)
                .and(COURSE_ITEM.STARTS_AT.gt(utc(from.minus(LONGEST_SESSION)))).and(COURSE_ITEM.STARTS_AT.lt(utc(to)));
        Condition deadlines = ItemColumns.KIND.eq(ItemKind.ASSIGNMENT).and(COURSE_ITEM.DUE_AT.ge(utc(from))).and(COURSE_ITEM.DUE_AT.lt(utc(to)));
        return db.select(COURSE_ITEM.ID, COURSE_ITEM.COURSE_ID, ItemColumns.KIND, COURSE_ITEM.TITLE, COURSE_ITEM.STARTS_AT,
                        COURSE_ITEM.DURATION_MINUTES, COURSE_ITEM.DUE_AT, COURSE_ITEM.MEETING_URL, COURSE.TITLE)
                .from(COURSE_ITEM).join(COURSE).on(COURSE.ID.eq(COURSE_ITEM.COURSE_ID))
                .where(whose.and(COURSE.ARCHIVED_AT.isNull()).and(sessions.or(deadlines)))
                .fetch(CalendarRepository::courseItem).stream()
                .filter(entry -> entry.overlaps(from, to))
                .toList();
    }

    /** Makes this token hash the person's only feed token, so any earlier feed address stops working. */
    void replaceFeedToken(UUID userId, String tokenHash) {
        db.insertInto(CALENDAR_FEED).set(CALENDAR_FEED.USER_ID, userId).set(CALENDAR_FEED.TOKEN_HASH, tokenHash)
                .onConflict(CALENDAR_FEED.USER_ID).doUpdate()
                .set(CALENDAR_FEED.TOKEN_HASH, tokenHash).set(CALENDAR_FEED.CREATED_AT, currentOffsetDateTime())
                .execute();
    }

    Optional<Instant> feedCreatedAt(UUID userId) {
        return db.select(CALENDAR_FEED.CREATED_AT).from(CALENDAR_FEED).where(CALENDAR_FEED.USER_ID.eq(userId))
                .fetchOptional(CALENDAR_FEED.CREATED_AT).map(OffsetDateTime::toInstant);
    }

    void deleteFeed(UUID userId) {
        db.deleteFrom(CALENDAR_FEED).where(CALENDAR_FEED.USER_ID.eq(userId)).execute();
    }

    /** Whose feed has this token hash, through the narrow SECURITY DEFINER function (the caller is not signed in). */
    Optional<UUID> feedOwner(String tokenHash) {
        return Optional.ofNullable(db.fetchSingle("select calendar_feed_owner(?)", tokenHash).get(0, UUID.class));
    }

    private static CalendarEntry personal(Record r) {
        UUID id = r.get(CALENDAR_EVENT.ID);
        return new CalendarEntry("event-" + id + "@classentra", Kind.PERSONAL, id, null, null, r.get(CALENDAR_EVENT.TITLE),
                r.get(CALENDAR_EVENT.NOTES), r.get(CALENDAR_EVENT.STARTS_AT).toInstant(), r.get(CALENDAR_EVENT.ENDS_AT).toInstant(), null);
    }

    private static CalendarEntry courseItem(Record r) {
        UUID id = r.get(COURSE_ITEM.ID);
        if (r.get(ItemColumns.KIND) == ItemKind.SESSION) {
            Instant start = r.get(COURSE_ITEM.STARTS_AT).toInstant();
            return new CalendarEntry("session-" + id + "@classentra", Kind.SESSION, id, r.get(COURSE_ITEM.COURSE_ID), r.get(COURSE.TITLE),
                    r.get(COURSE_ITEM.TITLE), "", start, start.plus(Duration.ofMinutes(r.get(COURSE_ITEM.DURATION_MINUTES))),
                    r.get(COURSE_ITEM.MEETING_URL));
        }
        Instant due = r.get(COURSE_ITEM.DUE_AT).toInstant();
        return new CalendarEntry("due-" + id + "@classentra", Kind.DEADLINE, id, r.get(COURSE_ITEM.COURSE_ID), r.get(COURSE.TITLE),
                r.get(COURSE_ITEM.TITLE), "", due, due, null);
    }

    private static String notes(EventForm form) {
        return form.notes() == null ? "" : form.notes().strip();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
