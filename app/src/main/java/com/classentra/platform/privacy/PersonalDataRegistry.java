package com.classentra.platform.privacy;

import static com.classentra.db.jooq.Tables.ACCOUNT_DELETION;
import static com.classentra.db.jooq.Tables.ACCOUNT_TOKEN;
import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.ATTENDANCE;
import static com.classentra.db.jooq.Tables.AUDIT_EVENT;
import static com.classentra.db.jooq.Tables.CALENDAR_EVENT;
import static com.classentra.db.jooq.Tables.CALENDAR_FEED;
import static com.classentra.db.jooq.Tables.COURSE;
import static com.classentra.db.jooq.Tables.COURSE_INVITATION;
import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static com.classentra.db.jooq.Tables.DATA_EXPORT;
import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.classentra.db.jooq.Tables.ENROLMENT;
import static com.classentra.db.jooq.Tables.ERROR_REPORT;
import static com.classentra.db.jooq.Tables.GRADE;
import static com.classentra.db.jooq.Tables.GRADE_HISTORY;
import static com.classentra.db.jooq.Tables.NOTIFICATION;
import static com.classentra.db.jooq.Tables.NOTIFICATION_DIGEST;
import static com.classentra.db.jooq.Tables.NOTIFICATION_PREFERENCE;
import static com.classentra.db.jooq.Tables.PLUGIN_SLOT_STATE;
import static com.classentra.db.jooq.Tables.POLICY_ACCEPTANCE;
import static com.classentra.db.jooq.Tables.POLICY_ACCEPTANCE_KEPT;
import static com.classentra.db.jooq.Tables.SESSION_REVOCATION;
import static com.classentra.db.jooq.Tables.STORAGE_MIGRATION;
import static com.classentra.db.jooq.Tables.STORED_FILE;
import static com.classentra.db.jooq.Tables.SUBMISSION;
import static com.classentra.db.jooq.Tables.SUBMISSION_VERSION;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_NOTICE;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_OBJECTION;
import static com.classentra.db.jooq.Tables.SURVEY_RESPONSE;
import static com.classentra.db.jooq.Tables.TENANT;
import static com.classentra.db.jooq.Tables.TENANT_MEMBER;
import static org.jooq.impl.DSL.coalesce;

import com.classentra.platform.privacy.PersonalDataRule.Deletion;
import com.classentra.platform.privacy.PersonalDataRule.SubjectKind;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The one list of every table that holds personal data, with the rules by which it is exported ("Download my data"),
 * deleted ("Delete Account") and expired (retention jobs). A table with a person, workspace or email column that is
 * missing here fails the build (PersonalDataRegistryTest), and docs/privacy-map.md must name every rule. A feature
 * that adds such a table adds its rule here in the same change.
 */
@Component
public class PersonalDataRegistry {

    /** The rate-limit table belongs to bucket4j and has no generated class. */
    static final Table<?> RATE_LIMIT_BUCKET = DSL.table(DSL.name("rate_limit_bucket"));
    static final Field<Long> RATE_LIMIT_EXPIRES_AT = DSL.field(DSL.name("expires_at"), Long.class);

    /** How long an audit event stays: the security record of who did what in a workspace. */
    public static final Period AUDIT_LOG_KEPT = Period.ofYears(2);

    private static final List<PersonalDataRule> RULES = java.util.stream.Stream.concat(java.util.stream.Stream.of(
            // Accounts
            PersonalDataRule.of(APP_USER, PolicyClause.ACCOUNT_DATA)
                    .subject(APP_USER.ID)
                    .export("profile",
                            "Your account: names, email address, roles, language, preferences, when you joined and last signed in. Sign-in sessions live only in server memory, for at most 12 hours, so there is no history of them to export.", APP_USER.EMAIL, APP_USER.FIRST_NAME, APP_USER.LAST_NAME, APP_USER.TITLE, APP_USER.DISPLAY_NAME,
                            APP_USER.ROLES, APP_USER.EMAIL_VERIFIED, APP_USER.STATUS, APP_USER.LOCALE, APP_USER.GOOGLE_SUBJECT,
                            APP_USER.AVATAR_URL, APP_USER.DASHBOARD_VIEW, APP_USER.ASSISTANT_TONE, APP_USER.TIME_ZONE, APP_USER.PENDING_EMAIL, APP_USER.CREATED_AT,
                            APP_USER.LAST_SIGN_IN_AT, APP_USER.ONBOARDING_DONE_AT)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(ACCOUNT_TOKEN, PolicyClause.SESSIONS)
                    .subject(ACCOUNT_TOKEN.USER_ID)
                    .notExported("the ids of single-use links (verification, password reset, sign-in): nothing a person can use")
                    .deletion(Deletion.delete())
                    .expires(RetentionRule.named("account-token").after(Duration.ofDays(7), ACCOUNT_TOKEN.EXPIRES_AT, "7 days after the link expired"))
                    .build(),
            PersonalDataRule.of(SESSION_REVOCATION, PolicyClause.SESSIONS)
                    .subject(SESSION_REVOCATION.USER_ID)
                    .notExported("one timestamp: sessions started before it were signed out")
                    .deletion(Deletion.delete())
                    .expires(RetentionRule.named("session-revocation").after(Duration.ofDays(30), SESSION_REVOCATION.REVOKED_BEFORE,
                            "30 days after the sign-out, when every session it ended has long expired"))
                    .build(),
            PersonalDataRule.of(POLICY_ACCEPTANCE, PolicyClause.POLICY_ACCEPTANCE)
                    .subject(POLICY_ACCEPTANCE.USER_ID)
                    .export("policy-acceptances",
                            "Which version of each legal document you accepted, and when.", POLICY_ACCEPTANCE.KIND, POLICY_ACCEPTANCE.VERSION, POLICY_ACCEPTANCE.ACCEPTED_AT)
                    .deletion(Deletion.keepPseudonymised(Duration.ofDays(2 * 365 + 1), "evidence of consent, 24 months after the deletion",
                            (db, erasure) -> {
                                int kept = db.insertInto(POLICY_ACCEPTANCE_KEPT, POLICY_ACCEPTANCE_KEPT.PSEUDONYM, POLICY_ACCEPTANCE_KEPT.KIND,
                                                POLICY_ACCEPTANCE_KEPT.VERSION, POLICY_ACCEPTANCE_KEPT.ACCEPTED_AT, POLICY_ACCEPTANCE_KEPT.ACCOUNT_DELETED_AT)
                                        .select(db.select(DSL.val(erasure.pseudonym()), POLICY_ACCEPTANCE.KIND, POLICY_ACCEPTANCE.VERSION,
                                                        POLICY_ACCEPTANCE.ACCEPTED_AT, DSL.val(erasure.startedAt()))
                                                .from(POLICY_ACCEPTANCE).where(POLICY_ACCEPTANCE.USER_ID.eq(erasure.personId())))
                                        .onConflictDoNothing().execute();
                                db.deleteFrom(POLICY_ACCEPTANCE).where(POLICY_ACCEPTANCE.USER_ID.eq(erasure.personId())).execute();
                                return kept;
                            }))
                    .build(),
            PersonalDataRule.of(POLICY_ACCEPTANCE_KEPT, PolicyClause.POLICY_ACCEPTANCE)
                    .notExported("kept after an account's deletion under a pseudonym: nobody can ask for it any more")
                    .deletion(Deletion.byRetentionOnly("pseudonymised already; it goes 24 months after the account's deletion"))
                    .expires(RetentionRule.named("policy-acceptance-kept").after(Period.ofMonths(24), POLICY_ACCEPTANCE_KEPT.ACCOUNT_DELETED_AT,
                            "24 months after the account's deletion").every(Duration.ofDays(1)))
                    .build(),
            PersonalDataRule.of(ACCOUNT_DELETION, PolicyClause.ACCOUNT_DATA)
                    .subject(ACCOUNT_DELETION.USER_ID)
                    .notExported("the deletion request itself")
                    .deletion(Deletion.keepPseudonymised(Duration.ofDays(2 * 365 + 1),
                            "the record that the account was deleted and when, under its pseudonym; the account's id is cleared with the account",
                            (db, erasure) -> 0))
                    .expires(RetentionRule.named("account-deletion").after(Period.ofMonths(24), coalesce(ACCOUNT_DELETION.COMPLETED_AT, ACCOUNT_DELETION.CANCELLED_AT),
                            "24 months after the deletion was completed, or 24 months after it was cancelled")
                            .every(Duration.ofDays(1)))
                    .build(),
            PersonalDataRule.of(SURVEY_RESPONSE, PolicyClause.SURVEY)
                    .subject(SURVEY_RESPONSE.USER_ID)
                    .export("survey-answers",
                            "Your answers to the onboarding survey.", SURVEY_RESPONSE.ANSWERS, SURVEY_RESPONSE.SUBMITTED_AT)
                    .deletion(Deletion.delete())
                    .expires(RetentionRule.named("survey-response").after(Period.ofYears(5), SURVEY_RESPONSE.SUBMITTED_AT, "5 years after submission")
                            .every(Duration.ofDays(1)))
                    .build(),
            PersonalDataRule.of(TENANT, PolicyClause.ACCOUNT_DATA)
                    .subject(TENANT.ID, SubjectKind.WORKSPACE)
                    .subject(TENANT.PRIVACY_CONTACT_EMAIL, SubjectKind.ADDRESS)
                    .export("workspaces",
                            "The workspaces you own, with their privacy contact.", TENANT.NAME, TENANT.KIND, TENANT.PRIVACY_CONTACT_EMAIL, TENANT.CREATED_AT)
                    .deletion(Deletion.withPersonalWorkspace())
                    .build(),
            PersonalDataRule.of(TENANT_MEMBER, PolicyClause.ACCOUNT_DATA)
                    .subject(TENANT_MEMBER.USER_ID)
                    .export("workspace-memberships",
                            "The workspaces you belong to, and your role in each.", TENANT_MEMBER.TENANT_ID, TENANT_MEMBER.ROLE, TENANT_MEMBER.CREATED_AT)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(SUBPROCESSOR_NOTICE, PolicyClause.ACCOUNT_DATA)
                    .subject(SUBPROCESSOR_NOTICE.TENANT_ID, SubjectKind.WORKSPACE)
                    .subject(SUBPROCESSOR_NOTICE.SENT_TO, SubjectKind.ADDRESS)
                    .export("subprocessor-notices",
                            "Notices of subprocessor changes sent to your address or to the organization workspaces you own.", SUBPROCESSOR_NOTICE.CHANGE_ID,
                            SUBPROCESSOR_NOTICE.SENT_TO, SUBPROCESSOR_NOTICE.SENT_AT)
                    // The record that the workspace was told stays with the workspace; the person's address leaves it.
                    .deletion(Deletion.withPersonalWorkspace())
                    .build(),
            PersonalDataRule.of(SUBPROCESSOR_OBJECTION, PolicyClause.ACCOUNT_DATA)
                    .subject(SUBPROCESSOR_OBJECTION.TENANT_ID, SubjectKind.WORKSPACE)
                    .export("subprocessor-objections",
                            "Objections the organization workspaces you own made to subprocessor changes.", SUBPROCESSOR_OBJECTION.CHANGE_ID,
                            SUBPROCESSOR_OBJECTION.REASON, SUBPROCESSOR_OBJECTION.CREATED_AT)
                    .deletion(Deletion.withPersonalWorkspace())
                    .build(),
            PersonalDataRule.of(DATA_EXPORT, PolicyClause.DOWNLOAD_MY_DATA)
                    .subject(DATA_EXPORT.USER_ID)
                    .notExported("the state of the export requests themselves")
                    .deletion(Deletion.delete())
                    .expires(RetentionRule.named("data-export")
                            .after(Duration.ofDays(30), coalesce(DATA_EXPORT.OBJECT_DELETED_AT, DATA_EXPORT.UPDATED_AT),
                                    "30 days after its archive was deleted (7 days after it was ready), or after it failed")
                            // Never a row whose archive is still in storage: the expiry job deletes that first.
                            .onlyWhere(DATA_EXPORT.OBJECT_DELETED_AT.isNotNull().or(DATA_EXPORT.STORAGE_KEY.isNull().and(DATA_EXPORT.STATUS.eq("DEAD"))))
                            .every(Duration.ofDays(1)))
                    .build(),
            PersonalDataRule.of(AUDIT_EVENT, PolicyClause.SECURITY)
                    .subject(AUDIT_EVENT.ACTOR_USER_ID)
                    .export("activity-log",
                            "What you did that the audit log recorded: the action, what it concerned, and when.", AUDIT_EVENT.ACTION, AUDIT_EVENT.TARGET_TYPE, AUDIT_EVENT.TARGET_ID, AUDIT_EVENT.OCCURRED_AT)
                    .deletion(Deletion.keepPseudonymised(Duration.ofDays(2 * 365 + 1),
                            "the security record of what was done in a workspace, kept for its own period without the person's id",
                            (db, erasure) -> db.select(DSL.function("pseudonymise_audit_actor", Integer.class, DSL.val(erasure.personId())))
                                    .fetchSingle().value1()))
                    .expires(RetentionRule.named("audit-event").after(AUDIT_LOG_KEPT, AUDIT_EVENT.OCCURRED_AT, "2 years after the event")
                            .every(Duration.ofDays(1))
                            // Append-only for the application: only this function deletes, and never a younger event.
                            .purgedBy((db, now, batch) -> db.select(DSL.function("purge_audit_events", Integer.class,
                                    DSL.val(now.minus(AUDIT_LOG_KEPT)), DSL.val(batch))).fetchSingle().value1()))
                    .build(),

            // Courses
            PersonalDataRule.of(COURSE, PolicyClause.COURSE_CONTENT)
                    .subject(COURSE.TENANT_ID, SubjectKind.WORKSPACE)
                    .mentions(COURSE.CREATED_BY)
                    .export("courses-owned",
                            "The courses of the workspaces you own.", COURSE.ID, COURSE.TITLE, COURSE.DESCRIPTION_HTML, COURSE.STARTS_ON, COURSE.ENDS_ON,
                            COURSE.VISIBILITY, COURSE.JOIN_CODE, COURSE.ARCHIVED_AT, COURSE.CREATED_AT)
                    .deletion(Deletion.withPersonalWorkspace())
                    .build(),
            PersonalDataRule.of(ENROLMENT, PolicyClause.ACCOUNT_DATA)
                    .subject(ENROLMENT.STUDENT_ID)
                    .export("courses-joined",
                            "The courses you joined as a student, and whether you are still in them.", ENROLMENT.COURSE_ID, ENROLMENT.STATUS, ENROLMENT.JOINED_AT, ENROLMENT.UPDATED_AT)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(COURSE_INVITATION, PolicyClause.COURSE_CONTENT)
                    .subject(COURSE_INVITATION.EMAIL, SubjectKind.ADDRESS)
                    .mentions(COURSE_INVITATION.INVITED_BY, COURSE_INVITATION.ACCEPTED_BY)
                    .export("course-invitations",
                            "Invitations to courses sent to your email address.", COURSE_INVITATION.COURSE_ID, COURSE_INVITATION.EMAIL, COURSE_INVITATION.SENT_AT,
                            COURSE_INVITATION.EXPIRES_AT, COURSE_INVITATION.ACCEPTED_AT, COURSE_INVITATION.REVOKED_AT)
                    .deletion(Deletion.delete())
                    .expires(RetentionRule.named("course-invitation")
                            .after(Duration.ofDays(30), coalesce(COURSE_INVITATION.ACCEPTED_AT, COURSE_INVITATION.REVOKED_AT, COURSE_INVITATION.EXPIRES_AT),
                                    "30 days after it was accepted, revoked or expired")
                            .every(Duration.ofDays(1)))
                    .build(),

            // Classwork
            PersonalDataRule.of(COURSE_ITEM, PolicyClause.COURSE_CONTENT)
                    .subject(COURSE_ITEM.TENANT_ID, SubjectKind.WORKSPACE)
                    .mentions(COURSE_ITEM.CREATED_BY)
                    .export("course-items",
                            "Announcements, materials, assignments, notes and sessions in the courses of the workspaces you own.", COURSE_ITEM.ID, COURSE_ITEM.COURSE_ID, COURSE_ITEM.KIND, COURSE_ITEM.TITLE, COURSE_ITEM.BODY_HTML,
                            COURSE_ITEM.SHARED, COURSE_ITEM.DUE_AT, COURSE_ITEM.POINTS_POSSIBLE, COURSE_ITEM.STARTS_AT, COURSE_ITEM.DURATION_MINUTES,
                            COURSE_ITEM.MEETING_URL, COURSE_ITEM.LINK_URL, COURSE_ITEM.CREATED_AT)
                    .deletion(Deletion.withPersonalWorkspace())
                    .build(),
            PersonalDataRule.of(SUBMISSION, PolicyClause.ACCOUNT_DATA)
                    .subject(SUBMISSION.STUDENT_ID)
                    .export("submissions",
                            "The work you turned in: one row per assignment.", SUBMISSION.ID, SUBMISSION.COURSE_ID, SUBMISSION.ASSIGNMENT_ID, SUBMISSION.CURRENT_VERSION,
                            SUBMISSION.SUBMITTED_AT, SUBMISSION.LATE)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(SUBMISSION_VERSION, PolicyClause.ACCOUNT_DATA)
                    .subject(SUBMISSION_VERSION.STUDENT_ID)
                    .export("submission-versions",
                            "Every version of your turned-in work, with its text.", SUBMISSION_VERSION.SUBMISSION_ID, SUBMISSION_VERSION.VERSION, SUBMISSION_VERSION.TEXT_HTML,
                            SUBMISSION_VERSION.SUBMITTED_AT, SUBMISSION_VERSION.LATE)
                    .deletion(Deletion.delete())
                    .build(),

            // Files: what a person uploaded is theirs (a turn-in); a course's materials go with the workspace.
            PersonalDataRule.of(STORED_FILE, PolicyClause.ACCOUNT_DATA)
                    .subject(STORED_FILE.UPLOADED_BY)
                    // A workspace's files, but not what its students attach in chat: a direct conversation is its two people's.
                    .subject(STORED_FILE.TENANT_ID, SubjectKind.WORKSPACE, STORED_FILE.MESSAGE_ID.isNull())
                    .mentions(STORED_FILE.UPLOADED_BY)
                    .export("files",
                            "The files you uploaded (chat attachments included) and the files of the workspaces you own; the files themselves are in the folder files/.", STORED_FILE.ID, STORED_FILE.COURSE_ID, STORED_FILE.ITEM_ID, STORED_FILE.SUBMISSION_ID, STORED_FILE.MESSAGE_ID,
                            STORED_FILE.FILENAME, STORED_FILE.CONTENT_TYPE, STORED_FILE.SIZE_BYTES, STORED_FILE.CREATED_AT)
                    .withFileContent(STORED_FILE.STORAGE_KEY, STORED_FILE.FILENAME)
                    .deletion(Deletion.deleteWhere(STORED_FILE.SUBMISSION_ID.isNotNull(),
                            "turned-in work goes; a course's materials stay with their course, without the uploader's id"))
                    .build(),

            // Grading and attendance: about the student; the teacher who graded or noted is mentioned.
            PersonalDataRule.of(GRADE, PolicyClause.ACCOUNT_DATA)
                    .subject(GRADE.STUDENT_ID)
                    .mentions(GRADE.GRADED_BY)
                    .export("grades",
                            "Your grades and the feedback on your work.", GRADE.COURSE_ID, GRADE.ASSIGNMENT_ID, GRADE.POINTS, GRADE.LETTER, GRADE.FEEDBACK_HTML,
                            GRADE.GRADED_AT, GRADE.RETURNED_AT)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(GRADE_HISTORY, PolicyClause.ACCOUNT_DATA)
                    .subject(GRADE_HISTORY.STUDENT_ID)
                    .mentions(GRADE_HISTORY.GRADED_BY)
                    .export("grade-history",
                            "Every change to your grades, with its reason.", GRADE_HISTORY.ASSIGNMENT_ID, GRADE_HISTORY.POINTS, GRADE_HISTORY.LETTER,
                            GRADE_HISTORY.FEEDBACK_HTML, GRADE_HISTORY.GRADED_AT, GRADE_HISTORY.REASON)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(ATTENDANCE, PolicyClause.ACCOUNT_DATA)
                    .subject(ATTENDANCE.STUDENT_ID)
                    .mentions(ATTENDANCE.NOTED_BY)
                    .export("attendance",
                            "Your attendance at live sessions.", ATTENDANCE.COURSE_ID, ATTENDANCE.SESSION_ID, ATTENDANCE.STATUS, ATTENDANCE.NOTED_AT)
                    .deletion(Deletion.delete())
                    .build(),

            // Calendar
            PersonalDataRule.of(CALENDAR_EVENT, PolicyClause.ACCOUNT_DATA)
                    .subject(CALENDAR_EVENT.USER_ID)
                    .export("calendar",
                            "Your own calendar events.", CALENDAR_EVENT.TITLE, CALENDAR_EVENT.NOTES, CALENDAR_EVENT.STARTS_AT, CALENDAR_EVENT.ENDS_AT,
                            CALENDAR_EVENT.CREATED_AT)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(CALENDAR_FEED, PolicyClause.ACCOUNT_DATA)
                    .subject(CALENDAR_FEED.USER_ID)
                    .notExported("the hash of a secret feed address; the person can make a new one in Settings")
                    .deletion(Deletion.delete())
                    .build(),

            // Notifications
            PersonalDataRule.of(NOTIFICATION, PolicyClause.ACCOUNT_DATA)
                    .subject(NOTIFICATION.USER_ID)
                    .subject(NOTIFICATION.ABOUT_USER_ID, SubjectKind.ABOUT)
                    .export("notifications",
                            "The notifications you received.", NOTIFICATION.KIND, NOTIFICATION.TITLE, NOTIFICATION.LINK, NOTIFICATION.CREATED_AT,
                            NOTIFICATION.READ_AT)
                    .deletion(Deletion.delete())
                    .expires(RetentionRule.named("notification").after(Period.ofYears(1), NOTIFICATION.CREATED_AT, "1 year after it was sent")
                            .every(Duration.ofDays(1)))
                    .build(),
            PersonalDataRule.of(NOTIFICATION_PREFERENCE, PolicyClause.TRANSACTIONAL_EMAIL)
                    .subject(NOTIFICATION_PREFERENCE.USER_ID)
                    .export("notification-preferences",
                            "How you chose to be told of each kind of notification.", NOTIFICATION_PREFERENCE.KIND, NOTIFICATION_PREFERENCE.DELIVERY)
                    .deletion(Deletion.delete())
                    .build(),
            PersonalDataRule.of(NOTIFICATION_DIGEST, PolicyClause.TRANSACTIONAL_EMAIL)
                    .subject(NOTIFICATION_DIGEST.USER_ID)
                    .notExported("the state of the daily digest's delivery; the notifications themselves are exported")
                    .deletion(Deletion.delete())
                    .build(),

            // Email and operations
            PersonalDataRule.of(EMAIL_OUTBOX, PolicyClause.TRANSACTIONAL_EMAIL)
                    .subject(EMAIL_OUTBOX.RECIPIENT_USER_ID)
                    .subject(EMAIL_OUTBOX.TO_ADDRESS, SubjectKind.ADDRESS)
                    .export("emails",
                            "The emails sent to you: to which address, which kind, the subject and when (not their bodies, which held single-use links).", EMAIL_OUTBOX.TO_ADDRESS, EMAIL_OUTBOX.TEMPLATE, EMAIL_OUTBOX.SUBJECT, EMAIL_OUTBOX.STATUS,
                            EMAIL_OUTBOX.CREATED_AT, EMAIL_OUTBOX.SENT_AT)
                    .deletion(Deletion.delete())
                    .expires(RetentionRule.named("email-outbox-sent").after(Duration.ofDays(30), EMAIL_OUTBOX.SENT_AT, "30 days after it was sent")
                            .onlyWhere(EMAIL_OUTBOX.STATUS.eq("SENT")).every(Duration.ofDays(1)))
                    .expires(RetentionRule.named("email-outbox").after(Duration.ofDays(90), EMAIL_OUTBOX.CREATED_AT,
                            "90 days after it was queued, whatever its state (given up, or still failing)").every(Duration.ofDays(1)))
                    .build(),
            PersonalDataRule.of(ERROR_REPORT, PolicyClause.SERVER_LOGS)
                    .notExported("reports of the application's own failures, not kept per person; a message may quote a value a person typed")
                    .deletion(Deletion.byRetentionOnly("no column names a person; the reports go after 7 days"))
                    .expires(RetentionRule.named("error-report").after(Duration.ofDays(7), ERROR_REPORT.CREATED_AT, "7 days after the first occurrence")
                            .onlyWhere(ERROR_REPORT.STATUS.ne("SENDING")))
                    .build(),
            PersonalDataRule.of(RATE_LIMIT_BUCKET, PolicyClause.RATE_LIMITS)
                    .notExported("counters keyed by the sha256 of an address or email, readable by nobody")
                    .deletion(Deletion.byRetentionOnly("keys are one-way hashes; each row goes when its window expires"))
                    .expires(RetentionRule.named("rate-limit").when(now -> RATE_LIMIT_EXPIRES_AT.lt(now.toInstant().toEpochMilli()),
                            "as soon as its window expired (the bucket is full again)").every(Duration.ofMinutes(5)))
                    .build(),
            PersonalDataRule.of(PLUGIN_SLOT_STATE, PolicyClause.SECURITY)
                    .mentions(PLUGIN_SLOT_STATE.UPDATED_BY)
                    .notExported("platform configuration; it only mentions the administrator who changed it last")
                    .deletion(Deletion.byRetentionOnly("the administrator's mention is cleared when their account is deleted"))
                    .build(),
            PersonalDataRule.of(STORAGE_MIGRATION, PolicyClause.SECURITY)
                    .mentions(STORAGE_MIGRATION.STARTED_BY)
                    .notExported("platform operation; it only mentions the administrator who started it")
                    .deletion(Deletion.byRetentionOnly("the administrator's mention is cleared when their account is deleted"))
                    .build()), java.util.stream.Stream.concat(MessagingDataRules.RULES.stream(), LiveClassDataRules.RULES.stream())).toList();

    public List<PersonalDataRule> rules() {
        return RULES;
    }

    public Optional<PersonalDataRule> rule(String table) {
        return RULES.stream().filter(rule -> rule.table().getName().equals(table)).findFirst();
    }

    public List<RetentionRule> retentionRules() {
        return RULES.stream().flatMap(rule -> rule.retention().stream()).toList();
    }

    public RetentionRule retentionRule(String name) {
        return retentionRules().stream().filter(rule -> rule.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No retention rule " + name));
    }
}
