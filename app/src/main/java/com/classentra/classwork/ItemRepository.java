package com.classentra.classwork;

import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.COURSE_ITEM;

import com.classentra.db.jooq.tables.records.CourseItemRecord;
import com.classentra.platform.db.EnumColumn;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** jOOQ queries on course items; row-level security hides other workspaces' items and private notes from students. */
@Repository
class ItemRepository {

    private final DSLContext db;

    ItemRepository(DSLContext db) {
        this.db = db;
    }

    /** The course's tenant and whether it is archived, when the caller can see the course. */
    record CourseRef(UUID tenantId, boolean archived, String title) {
    }

    Optional<CourseRef> course(UUID courseId) {
        return db.select(COURSE.TENANT_ID, COURSE.ARCHIVED_AT, COURSE.TITLE).from(COURSE).where(COURSE.ID.eq(courseId))
                .fetchOptional(r -> new CourseRef(r.value1(), r.value2() != null, r.value3()));
    }

    void insert(UUID id, UUID tenantId, UUID courseId, ItemForm form, String bodyHtml, UUID createdBy) {
        CourseItemRecord record = db.newRecord(COURSE_ITEM);
        record.setId(id);
        record.setTenantId(tenantId);
        record.setCourseId(courseId);
        record.setCreatedBy(createdBy);
        fill(record, form, bodyHtml);
        db.insertInto(COURSE_ITEM).set(record).set(ItemColumns.KIND, form.kind())
                .set(ItemColumns.GRADING_SCALE, gradingScale(form)).set(ItemColumns.LATE_POLICY, latePolicy(form)).execute();
    }

    /** Edits the item when it is in that course and of the form's kind; false otherwise. */
    boolean update(UUID courseId, UUID id, ItemForm form, String bodyHtml) {
        CourseItemRecord record = db.newRecord(COURSE_ITEM);
        fill(record, form, bodyHtml);
        record.setUpdatedAt(OffsetDateTime.now());
        return db.update(COURSE_ITEM).set(record)
                .set(ItemColumns.GRADING_SCALE, gradingScale(form)).set(ItemColumns.LATE_POLICY, latePolicy(form))
                .where(COURSE_ITEM.ID.eq(id), COURSE_ITEM.COURSE_ID.eq(courseId), ItemColumns.KIND.eq(form.kind()))
                .execute() == 1;
    }

    /** The columns a form sets; the enum columns go into the statement beside it (a record cannot hold them typed). */
    private static void fill(CourseItemRecord record, ItemForm form, String bodyHtml) {
        ItemKind kind = form.kind();
        record.setTitle(form.title().strip());
        record.setBodyHtml(bodyHtml);
        record.setShared(kind != ItemKind.NOTE || form.shared());
        boolean assignment = kind == ItemKind.ASSIGNMENT;
        record.setDueAt(assignment ? utc(form.dueAt()) : null);
        record.setPointsPossible(assignment ? form.effectivePointsPossible() : null);
        record.setLatePenaltyPercent(assignment && form.latePolicy() == LatePolicy.PENALTY ? form.latePenaltyPercent() : null);
        boolean session = kind == ItemKind.SESSION;
        record.setStartsAt(session ? utc(form.startsAt()) : null);
        record.setDurationMinutes(session ? form.durationMinutes() : null);
        record.setMeetingUrl(session && form.meetingUrl() != null && !form.meetingUrl().isBlank() ? form.meetingUrl().strip() : null);
        record.setLinkUrl(kind == ItemKind.LINK ? form.linkUrl().strip() : null);
    }

    private static GradingScale gradingScale(ItemForm form) {
        return form.kind() == ItemKind.ASSIGNMENT ? form.gradingScale() : null;
    }

    private static LatePolicy latePolicy(ItemForm form) {
        return form.kind() == ItemKind.ASSIGNMENT ? form.latePolicy() : null;
    }

    boolean delete(UUID id) {
        return db.deleteFrom(COURSE_ITEM).where(COURSE_ITEM.ID.eq(id)).execute() == 1;
    }

    Optional<CourseItem> find(UUID courseId, UUID id) {
        return items(COURSE_ITEM.COURSE_ID.eq(courseId).and(COURSE_ITEM.ID.eq(id)), 1).stream().findFirst();
    }

    /** The newest items first, optionally of one kind. */
    List<CourseItem> stream(UUID courseId, ItemKind kind, int limit) {
        Condition condition = COURSE_ITEM.COURSE_ID.eq(courseId);
        return items(kind == null ? condition : condition.and(ItemColumns.KIND.eq(kind)), limit);
    }

    private List<CourseItem> items(Condition condition, int limit) {
        return db.selectFrom(COURSE_ITEM).where(condition).orderBy(COURSE_ITEM.CREATED_AT.desc(), COURSE_ITEM.ID).limit(limit)
                .fetch(ItemRepository::item);
    }

    static CourseItem item(CourseItemRecord r) {
        return new CourseItem(r.getId(), r.getCourseId(), EnumColumn.get(r, ItemColumns.KIND), r.getTitle(), r.getBodyHtml(), r.getShared(),
                instant(r.getDueAt()), r.getPointsPossible(), EnumColumn.get(r, ItemColumns.GRADING_SCALE), EnumColumn.get(r, ItemColumns.LATE_POLICY),
                r.getLatePenaltyPercent(),
                instant(r.getStartsAt()), r.getDurationMinutes(), r.getMeetingUrl(), r.getLinkUrl(), instant(r.getCreatedAt()), List.of());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
