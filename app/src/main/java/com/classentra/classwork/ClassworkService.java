package com.classentra.classwork;

import com.classentra.classwork.ItemRepository.CourseRef;
import com.classentra.classwork.SubmissionRepository.Head;
import com.classentra.classwork.SubmissionRepository.VersionRow;
import com.classentra.courses.CourseArchivedException;
import com.classentra.courses.CourseNotFoundException;
import com.classentra.platform.security.RoleScopes;
import com.classentra.files.FileService;
import com.classentra.files.StagedUpload;
import com.classentra.files.StoredFileInfo;
import com.classentra.live.LiveRooms;
import com.classentra.notifications.NotificationKind;
import com.classentra.notifications.NotificationService;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.RichText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * What is posted in a course and what students turn in. Teachers post and edit items in their workspace's
 * scope; students read the shared items of their courses and turn in work in their own scope, so row-level
 * security answers "not found" for everything else.
 */
@Service
public class ClassworkService {

    static final int STREAM_LIMIT = 200;
    private static final int MAX_BODY = 100_000;

    private final ItemRepository items;
    private final SubmissionRepository submissions;
    private final FileService files;
    private final RoleScopes scopes;
    private final AuditLog audit;
    private final NotificationService notifications;
    private final LiveRooms liveRooms;

    ClassworkService(ItemRepository items, SubmissionRepository submissions, FileService files, RoleScopes scopes, AuditLog audit,
            NotificationService notifications, LiveRooms liveRooms) {
        this.items = items;
        this.submissions = submissions;
        this.files = files;
        this.scopes = scopes;
        this.audit = audit;
        this.notifications = notifications;
        this.liveRooms = liveRooms;
    }

    /** A saved item, or messages keyed by form field. */
    public record Saved(CourseItem item, Map<String, String> problems) {
    }

    /**
     * Posts a new item ({@code itemId} null) or edits one, with new attachments. Attachments are stored in the same
     * transaction: a refused item stores none of them.
     */
    public Saved save(SignedInUser teacher, UUID courseId, UUID itemId, ItemForm form, List<StagedUpload> attachments) {
        Map<String, String> problems = validate(form);
        if (form.kind() == ItemKind.SESSION && form.room() != null && !liveRooms.nativeRoomsAvailable()) {
            problems.put("room", "Rooms in Classentra are not available on this service: add a meeting link, "
                    + "or ask the administrator to choose LiveKit or Daily for live video");
        }
        if (!problems.isEmpty()) {
            return new Saved(null, problems);
        }
        List<StagedUpload> staged = form.kind().takesFiles() ? attachments : List.of();
        try {
            return new Saved(scopes.asTeacher(teacher, () -> saveItem(teacher, courseId, itemId, form, staged)), Map.of());
        } finally {
            attachments.forEach(StagedUpload::discard);
        }
    }

    private CourseItem saveItem(SignedInUser teacher, UUID courseId, UUID itemId, ItemForm form, List<StagedUpload> staged) {
        CourseRef course = items.course(courseId).orElseThrow(CourseNotFoundException::new);
        if (course.archived()) {
            throw new CourseArchivedException("This course is archived; restore it to post in it.");
        }
        String body = RichText.sanitize(form.bodyHtml());
        UUID id = itemId == null ? UUID.randomUUID() : itemId;
        if (itemId == null) {
            items.insert(id, course.tenantId(), courseId, form, body, teacher.id());
        } else if (!items.update(courseId, itemId, form, body)) {
            throw new ItemNotFoundException();
        }
        files.attachToItem(course.tenantId(), courseId, id, teacher.id(), staged);
        if (form.kind() == ItemKind.SESSION) {
            if (form.room() != null) {
                liveRooms.plan(teacher, courseId, id, form.startsAt(), Duration.ofMinutes(form.durationMinutes()), form.room());
            } else {
                liveRooms.unplan(id);
            }
        }
        audit.record(teacher.tenantId(), teacher.id(), itemId == null ? "item.posted" : "item.edited", "course_item", id.toString(),
                Map.of("kind", form.kind().name(), "course", courseId.toString()));
        CourseItem saved = withFiles(items.find(courseId, id).orElseThrow());
        if (itemId == null && saved.shared()) {
            notifications.notifyCourseStudents(course.tenantId(), courseId, notificationKind(saved.kind()),
                    "New " + saved.kind().label().toLowerCase(java.util.Locale.ROOT) + ": " + saved.title(), "/" + saved.path());
        }
        return saved;
    }

    public void delete(SignedInUser teacher, UUID courseId, UUID itemId) {
        scopes.asTeacher(teacher, () -> {
            if (items.find(courseId, itemId).isEmpty() || !items.delete(itemId)) {
                throw new ItemNotFoundException();
            }
            audit.record(teacher.tenantId(), teacher.id(), "item.deleted", "course_item", itemId.toString(), Map.of("course", courseId.toString()));
            return null;
        });
    }

    /** The course's items, newest first, with their attachments: three statements whatever the number of items. */
    public List<CourseItem> stream(SignedInUser user, UUID courseId, ItemKind kind) {
        return scopes.asMember(user, () -> {
            items.course(courseId).orElseThrow(CourseNotFoundException::new);
            List<CourseItem> found = items.stream(courseId, kind, STREAM_LIMIT);
            Map<UUID, List<StoredFileInfo>> attached = files.filesOfItems(found.stream().map(CourseItem::id).toList()).stream()
                    .collect(Collectors.groupingBy(StoredFileInfo::owner));
            return found.stream().map(i -> i.withFiles(attached.getOrDefault(i.id(), List.of()))).toList();
        });
    }

    public CourseItem item(SignedInUser user, UUID courseId, UUID itemId) {
        return scopes.asMember(user, () -> withFiles(items.find(courseId, itemId).orElseThrow(ItemNotFoundException::new)));
    }

    /** The student's own work on an assignment, every version with its files. */
    public Submission submissionOf(SignedInUser student, UUID courseId, UUID assignmentId) {
        return scopes.asStudent(student, () -> {
            CourseItem assignment = assignment(courseId, assignmentId);
            return loadSubmission(assignment, student.id());
        });
    }

    /** One student's work as their teacher sees it. */
    public Submission submissionFor(SignedInUser teacher, UUID courseId, UUID assignmentId, UUID studentId) {
        return scopes.asTeacher(teacher, () -> loadSubmission(assignment(courseId, assignmentId), studentId));
    }

    /** What happened when a student turned work in. */
    public record TurnedIn(Submission submission, Map<String, String> problems) {
    }

    /**
     * Turns in a new version of the student's work (text and/or files). Work after the due date is marked late, or
     * refused when the assignment says so; earlier versions are kept.
     */
    public TurnedIn turnIn(SignedInUser student, UUID courseId, UUID assignmentId, String textHtml, List<StagedUpload> attachments) {
        String text = RichText.sanitize(textHtml);
        if (text.isBlank() && attachments.isEmpty()) {
            return new TurnedIn(null, Map.of("text", "Write an answer or attach a file before turning in."));
        }
        if (text.length() > MAX_BODY) {
            return new TurnedIn(null, Map.of("text", "The answer is too long (100,000 characters at most). Attach it as a file."));
        }
        try {
            return scopes.asStudent(student, () -> recordTurnIn(student, courseId, assignmentId, text, attachments));
        } finally {
            attachments.forEach(StagedUpload::discard);
        }
    }

    private TurnedIn recordTurnIn(SignedInUser student, UUID courseId, UUID assignmentId, String text, List<StagedUpload> attachments) {
        CourseItem assignment = assignment(courseId, assignmentId);
        CourseRef course = items.course(courseId).orElseThrow(CourseNotFoundException::new);
        if (course.archived()) {
            return new TurnedIn(null, Map.of("text", "This course has ended and takes no more work."));
        }
        Instant now = Instant.now();
        boolean late = assignment.dueAt() != null && now.isAfter(assignment.dueAt());
        if (late && assignment.latePolicy() == LatePolicy.REFUSE) {
            return new TurnedIn(null, Map.of("text", "The due date has passed and this assignment does not accept late work. Ask your teacher."));
        }
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Optional<Head> head = submissions.lockHead(assignmentId, student.id());
        UUID submissionId = head.map(Head::id).orElseGet(UUID::randomUUID);
        int version = head.map(h -> h.currentVersion() + 1).orElse(1);
        if (head.isEmpty()) {
            submissions.insertHead(submissionId, course.tenantId(), courseId, assignmentId, student.id(), at, late);
        } else {
            submissions.advanceHead(submissionId, version, at, late);
        }
        submissions.insertVersion(submissionId, version, course.tenantId(), student.id(), text, at, late);
        files.attachToSubmission(course.tenantId(), courseId, submissionId, version, student.id(), attachments);
        notifications.notifyCourseTeachers(course.tenantId(), courseId, NotificationKind.SUBMISSION,
                student.displayName() + (late ? " turned in late: " : " turned in: ") + assignment.title(), "/" + assignment.path(), student.id());
        // The student's own action: recorded outside the workspace, which the student cannot write to.
        audit.record(null, student.id(), "submission.turned_in", "submission", submissionId.toString(),
                Map.of("assignment", assignmentId.toString(), "version", version, "late", late));
        return new TurnedIn(loadSubmission(assignment, student.id()), Map.of());
    }

    /** Which of a person's notification settings a newly posted item falls under. */
    private static NotificationKind notificationKind(ItemKind kind) {
        return switch (kind) {
            case ANNOUNCEMENT, NOTE -> NotificationKind.ANNOUNCEMENT;
            case SESSION -> NotificationKind.SESSION;
            case ASSIGNMENT, MATERIAL, FILE, LINK -> NotificationKind.NEW_WORK;
        };
    }

    private CourseItem assignment(UUID courseId, UUID assignmentId) {
        CourseItem item = items.find(courseId, assignmentId).orElseThrow(ItemNotFoundException::new);
        if (item.kind() != ItemKind.ASSIGNMENT) {
            throw new ItemNotFoundException();
        }
        return item;
    }

    private Submission loadSubmission(CourseItem assignment, UUID studentId) {
        List<VersionRow> rows = submissions.versions(assignment.id(), studentId);
        if (rows.isEmpty()) {
            return Submission.none(assignment.id(), studentId, SubmissionStatus.of(null, false, assignment.dueAt(), Instant.now()));
        }
        UUID submissionId = rows.getFirst().submissionId();
        Map<Integer, List<StoredFileInfo>> byVersion = files.filesOfSubmissions(List.of(submissionId)).stream()
                .collect(Collectors.groupingBy(StoredFileInfo::submissionVersion));
        List<Submission.Version> versions = rows.stream()
                .map(r -> new Submission.Version(r.version(), r.textHtml(), r.submittedAt().toInstant(), r.late(),
                        byVersion.getOrDefault(r.version(), List.of())))
                .toList();
        VersionRow latest = rows.getFirst();
        return new Submission(submissionId, assignment.id(), studentId,
                SubmissionStatus.of(latest.submittedAt().toInstant(), latest.late(), assignment.dueAt(), Instant.now()), versions);
    }

    private CourseItem withFiles(CourseItem item) {
        return item.withFiles(files.filesOfItems(List.of(item.id())));
    }

    static Map<String, String> validate(ItemForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (form.kind() == null) {
            problems.put("kind", "Choose what to post");
            return problems;
        }
        if (form.title() == null || form.title().isBlank()) {
            problems.put("title", "Give it a title");
        } else if (form.title().strip().length() > 200) {
            problems.put("title", "Use at most 200 characters");
        }
        if (form.bodyHtml() != null && form.bodyHtml().length() > MAX_BODY) {
            problems.put("body", "The text is too long (100,000 characters at most)");
        }
        switch (form.kind()) {
            case ASSIGNMENT -> {
                if (form.gradingScale() == null) {
                    problems.put("gradingScale", "Choose how it is graded");
                }
                BigDecimal points = form.effectivePointsPossible();
                if (points == null || points.signum() <= 0 || points.compareTo(BigDecimal.valueOf(10_000)) > 0) {
                    problems.put("pointsPossible", "Enter the points it is worth (more than 0, at most 10,000)");
                }
                if (form.latePolicy() == null) {
                    problems.put("latePolicy", "Choose what happens to late work");
                } else if (form.latePolicy() == LatePolicy.PENALTY
                        && (form.latePenaltyPercent() == null || form.latePenaltyPercent() < 1 || form.latePenaltyPercent() > 100)) {
                    problems.put("latePenaltyPercent", "Enter a penalty between 1 and 100 percent");
                }
            }
            case SESSION -> {
                if (form.startsAt() == null) {
                    problems.put("startsAt", "Choose when the session starts");
                }
                if (form.durationMinutes() == null || form.durationMinutes() < 5 || form.durationMinutes() > 1440) {
                    problems.put("durationMinutes", "Enter a duration between 5 minutes and 24 hours");
                }
                if (form.meetingUrl() != null && !form.meetingUrl().isBlank()) {
                    if (form.room() != null) {
                        problems.put("meetingUrl", "A session meets in its room here or at a meeting link, not both");
                    }
                    ExternalLinks.meetingProblem(form.meetingUrl()).ifPresent(p -> problems.putIfAbsent("meetingUrl", p));
                }
            }
            case LINK -> ExternalLinks.linkProblem(form.linkUrl()).ifPresent(p -> problems.put("linkUrl", p));
            default -> {
            }
        }
        return problems;
    }
}
