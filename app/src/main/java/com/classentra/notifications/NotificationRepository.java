package com.classentra.notifications;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.ENROLMENT;
import static com.classentra.db.jooq.Tables.NOTIFICATION;
import static com.classentra.db.jooq.Tables.NOTIFICATION_DIGEST;
import static com.classentra.db.jooq.Tables.NOTIFICATION_PREFERENCE;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.val;

import com.classentra.db.jooq.tables.records.NotificationDigestRecord;
import com.classentra.db.jooq.tables.records.NotificationRecord;
import com.classentra.platform.jobs.QueueTable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectField;
import org.springframework.stereotype.Repository;

/** jOOQ queries on notifications and email preferences; row-level security decides which rows each caller reaches. */
@Repository
class NotificationRepository {

    /** Notifications whose email preference is still to be applied (the email_* columns; platform scope). */
    static final QueueTable<NotificationRecord> EMAIL_QUEUE = new QueueTable<>(NOTIFICATION, NOTIFICATION.ID, NOTIFICATION.EMAIL_STATE,
            NOTIFICATION.EMAIL_ATTEMPTS, NOTIFICATION.EMAIL_NEXT_ATTEMPT_AT, NOTIFICATION.EMAIL_LEASE_UNTIL, NOTIFICATION.EMAIL_LAST_ERROR,
            NOTIFICATION.CREATED_AT, NOTIFICATION.EMAIL_UPDATED_AT);
    /** People whose daily digest is due, by user id (platform scope). */
    static final QueueTable<NotificationDigestRecord> DIGEST_QUEUE = new QueueTable<>(NOTIFICATION_DIGEST, NOTIFICATION_DIGEST.USER_ID,
            NOTIFICATION_DIGEST.STATUS, NOTIFICATION_DIGEST.ATTEMPTS, NOTIFICATION_DIGEST.NEXT_ATTEMPT_AT, NOTIFICATION_DIGEST.LEASE_UNTIL,
            NOTIFICATION_DIGEST.LAST_ERROR, NOTIFICATION_DIGEST.CREATED_AT, NOTIFICATION_DIGEST.UPDATED_AT);
    /** The email state of notifications waiting for their person's digest. */
    static final String DIGEST = "DIGEST";

    private static final Field<UUID> RECIPIENT = field(name("recipients", "user_id"), UUID.class);

    private final DSLContext db;

    NotificationRepository(DSLContext db) {
        this.db = db;
    }

    /** The students actively enrolled in the course; the tenant condition keeps another workspace's course out. */
    Select<Record1<UUID>> activeStudents(UUID tenantId, UUID courseId) {
        return select(ENROLMENT.STUDENT_ID).from(ENROLMENT)
                .where(ENROLMENT.COURSE_ID.eq(courseId).and(ENROLMENT.TENANT_ID.eq(tenantId)).and(ENROLMENT.STATUS.eq("ACTIVE")));
    }

    /** The course's teachers, through the SECURITY DEFINER function a student may call for a course they are enrolled in. */
    Select<Record1<UUID>> teachers(UUID tenantId, UUID courseId) {
        return select(field(name("teacher_id"), UUID.class))
                .from(table("course_teacher_ids({0}, {1})", val(courseId), val(tenantId)).as("teachers", "teacher_id"));
    }

    Select<Record1<UUID>> single(UUID userId) {
        return select(val(userId));
    }

    /**
     * One notification per recipient in a single INSERT ... SELECT, answering the recipients for the live
     * update. The ids come from the CTE rather than RETURNING: RETURNING would have to pass the read policy,
     * and the sender cannot read the recipients' notifications.
     */
    List<UUID> insert(Select<Record1<UUID>> recipients, UUID tenantId, UUID courseId, NotificationKind kind, String title, String link, UUID about) {
        var insert = insertInto(NOTIFICATION, NOTIFICATION.ID, NOTIFICATION.USER_ID, NOTIFICATION.TENANT_ID,
                        NOTIFICATION.COURSE_ID, NotificationColumns.KIND, NOTIFICATION.TITLE, NOTIFICATION.LINK, NOTIFICATION.ABOUT_USER_ID,
                        NOTIFICATION.EMAIL_NEXT_ATTEMPT_AT)
                .select(select(field("gen_random_uuid()", UUID.class), RECIPIENT, val(tenantId, UUID.class), val(courseId, UUID.class),
                        val(kind, NotificationColumns.KIND), val(title), val(link), val(about, UUID.class),
                        val(OffsetDateTime.now().plus(kind.emailWait()))).from(table(name("recipients"))))
                // A conversation's unread notification already there (notification_unread_message_idx): nothing to add.
                .onConflictDoNothing();
        return db.resultQuery("with recipients(user_id) as ({0}), inserted as ({1}) select distinct user_id from recipients", recipients, insert)
                .fetch(0, UUID.class);
    }

    int unreadCount(UUID userId) {
        return db.fetchCount(NOTIFICATION, NOTIFICATION.USER_ID.eq(userId).and(NOTIFICATION.READ_AT.isNull()));
    }

    /** Newest first, with the course title when the reader can still see the course. */
    List<Notification> latest(UUID userId, int offset, int limit) {
        return db.select(NOTIFICATION.ID, NotificationColumns.KIND, NOTIFICATION.TITLE, COURSE.TITLE, NOTIFICATION.LINK,
                        NOTIFICATION.CREATED_AT, NOTIFICATION.READ_AT)
                .from(NOTIFICATION).leftJoin(COURSE).on(COURSE.ID.eq(NOTIFICATION.COURSE_ID))
                .where(NOTIFICATION.USER_ID.eq(userId))
                .orderBy(NOTIFICATION.CREATED_AT.desc(), NOTIFICATION.ID)
                .offset(offset).limit(limit)
                .fetch(r -> new Notification(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7()));
    }

    int total(UUID userId) {
        return db.fetchCount(NOTIFICATION, NOTIFICATION.USER_ID.eq(userId));
    }

    boolean markRead(UUID userId, UUID notificationId) {
        return db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, currentOffsetDateTime())
                .where(NOTIFICATION.ID.eq(notificationId).and(NOTIFICATION.USER_ID.eq(userId)).and(NOTIFICATION.READ_AT.isNull()))
                .execute() == 1;
    }

    /** The person's unread notifications that lead to this page: they have just seen it. */
    int markReadLinked(UUID userId, String link) {
        return db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, currentOffsetDateTime())
                .where(NOTIFICATION.USER_ID.eq(userId).and(NOTIFICATION.LINK.eq(link)).and(NOTIFICATION.READ_AT.isNull()))
                .execute();
    }

    int markAllRead(UUID userId) {
        return db.update(NOTIFICATION).set(NOTIFICATION.READ_AT, currentOffsetDateTime())
                .where(NOTIFICATION.USER_ID.eq(userId).and(NOTIFICATION.READ_AT.isNull()))
                .execute();
    }

    Map<NotificationKind, EmailDelivery> preferences(UUID userId) {
        Map<NotificationKind, EmailDelivery> chosen = new EnumMap<>(NotificationKind.class);
        db.select(NotificationColumns.PREFERENCE_KIND, NotificationColumns.PREFERENCE_DELIVERY).from(NOTIFICATION_PREFERENCE)
                .where(NOTIFICATION_PREFERENCE.USER_ID.eq(userId))
                .forEach(r -> chosen.put(r.value1(), r.value2()));
        return chosen;
    }

    void setPreference(UUID userId, NotificationKind kind, EmailDelivery delivery) {
        db.insertInto(NOTIFICATION_PREFERENCE)
                .set(NOTIFICATION_PREFERENCE.USER_ID, userId).set(NotificationColumns.PREFERENCE_KIND, kind)
                .set(NotificationColumns.PREFERENCE_DELIVERY, delivery)
                .onConflict(NOTIFICATION_PREFERENCE.USER_ID, NotificationColumns.PREFERENCE_KIND).doUpdate()
                .set(NotificationColumns.PREFERENCE_DELIVERY, delivery)
                .execute();
    }

    /**
     * A notification waiting for email, with what the mailer needs about its recipient.
     *
     * @param reachable the account is active and its address confirmed
     * @param read      the person has seen it in the app already
     */
    record Outgoing(UUID id, UUID userId, UUID tenantId, NotificationKind kind, String title, String courseTitle, String link,
            String email, String firstName, Locale locale, EmailDelivery delivery, boolean reachable, boolean read) {
    }

    /** The notification with what the mailer needs about its recipient and their preference for its kind (platform scope). */
    Optional<Outgoing> outgoing(UUID notificationId) {
        return db.select(outgoingFields(coalesce(NotificationColumns.PREFERENCE_DELIVERY, EmailDelivery.DEFAULT)))
                .from(NOTIFICATION)
                .join(APP_USER).on(APP_USER.ID.eq(NOTIFICATION.USER_ID))
                .leftJoin(NOTIFICATION_PREFERENCE).on(NOTIFICATION_PREFERENCE.USER_ID.eq(NOTIFICATION.USER_ID)
                        .and(NotificationColumns.PREFERENCE_KIND.eq(NotificationColumns.KIND)))
                .leftJoin(COURSE).on(COURSE.ID.eq(NOTIFICATION.COURSE_ID))
                .where(NOTIFICATION.ID.eq(notificationId))
                .fetchOptional(NotificationRepository::outgoing);
    }

    /** The person's notifications waiting for their digest, oldest first (platform scope). */
    List<Outgoing> digestOf(UUID userId) {
        return db.select(outgoingFields(val(EmailDelivery.DIGEST, NotificationColumns.PREFERENCE_DELIVERY)))
                .from(NOTIFICATION)
                .join(APP_USER).on(APP_USER.ID.eq(NOTIFICATION.USER_ID))
                .leftJoin(COURSE).on(COURSE.ID.eq(NOTIFICATION.COURSE_ID))
                .where(NOTIFICATION.USER_ID.eq(userId).and(NOTIFICATION.EMAIL_STATE.eq(DIGEST)))
                .orderBy(NOTIFICATION.CREATED_AT)
                .fetch(NotificationRepository::outgoing);
    }

    /** Their email is dealt with (queued, left to the digest or skipped): they leave the email queue in this state. */
    void emailDone(Collection<UUID> ids, String emailState) {
        db.update(NOTIFICATION)
                .set(NOTIFICATION.EMAIL_STATE, emailState)
                .set(NOTIFICATION.EMAIL_LEASE_UNTIL, (OffsetDateTime) null)
                .set(NOTIFICATION.EMAIL_LAST_ERROR, (String) null)
                .set(NOTIFICATION.EMAIL_UPDATED_AT, currentOffsetDateTime())
                .where(NOTIFICATION.ID.in(ids))
                .execute();
    }

    /**
     * Opens a digest for everyone with notifications waiting for one (platform scope); a digest given up on is opened
     * again with a fresh attempt budget. Returns how many were opened.
     */
    int openDigests() {
        var waiting = selectDistinct(NOTIFICATION.USER_ID).from(NOTIFICATION).where(NOTIFICATION.EMAIL_STATE.eq(DIGEST));
        int reopened = DIGEST_QUEUE.requeue(db, NOTIFICATION_DIGEST.USER_ID.in(waiting));
        return reopened + db.insertInto(NOTIFICATION_DIGEST, NOTIFICATION_DIGEST.USER_ID).select(waiting).onConflictDoNothing().execute();
    }

    /** The person's digest is queued in the outbox: their digest leaves its queue. */
    void digestSent(UUID userId) {
        DIGEST_QUEUE.remove(db, userId);
    }

    /** Unread counts of these people (platform scope, counts only), for the refresh that catches other nodes' changes. */
    Map<UUID, Integer> unreadCounts(Collection<UUID> userIds) {
        Field<Integer> unread = count();
        return db.select(NOTIFICATION.USER_ID, unread).from(NOTIFICATION)
                .where(NOTIFICATION.USER_ID.in(userIds).and(NOTIFICATION.READ_AT.isNull()))
                .groupBy(NOTIFICATION.USER_ID)
                .fetchMap(NOTIFICATION.USER_ID, unread);
    }

    private static List<SelectField<?>> outgoingFields(Field<EmailDelivery> delivery) {
        return List.of(NOTIFICATION.ID, NOTIFICATION.USER_ID, NOTIFICATION.TENANT_ID, NotificationColumns.KIND, NOTIFICATION.TITLE, COURSE.TITLE,
                NOTIFICATION.LINK, APP_USER.EMAIL, APP_USER.FIRST_NAME, APP_USER.LOCALE, delivery,
                APP_USER.STATUS.eq("ACTIVE").and(APP_USER.EMAIL_VERIFIED), NOTIFICATION.READ_AT.isNotNull());
    }

    private static Outgoing outgoing(Record r) {
        return new Outgoing(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, UUID.class), r.get(3, NotificationKind.class),
                r.get(4, String.class), r.get(5, String.class), r.get(6, String.class), r.get(7, String.class), r.get(8, String.class),
                Locale.forLanguageTag(r.get(9, String.class)), r.get(10, EmailDelivery.class), r.get(11, Boolean.class),
                r.get(12, Boolean.class));
    }
}
