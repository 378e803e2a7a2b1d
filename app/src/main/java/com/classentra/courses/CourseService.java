package com.classentra.courses;

import com.classentra.accounts.People;
import com.classentra.courses.CourseRepository.JoinAttempt;
import com.classentra.notifications.NotificationKind;
import com.classentra.notifications.NotificationService;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.ratelimit.RateLimitRule;
import com.classentra.platform.ratelimit.RateLimiter;
import com.classentra.platform.security.RoleScopes;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.platform.text.RichText;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Courses of a teacher's workspace and the students enrolled in them. Every call runs in the caller's own
 * scope, so row-level security keeps other tenants' courses out of reach (they are "not found"), and the
 * role is checked here too: only teachers of the workspace change courses, only students join them.
 */
@Service
public class CourseService {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CourseRepository courses;
    private final RoleScopes scopes;
    private final AuditLog audit;
    private final NotificationService notifications;
    private final RateLimiter rateLimiter;
    private final People people;

    CourseService(CourseRepository courses, RoleScopes scopes, AuditLog audit,
            NotificationService notifications, RateLimiter rateLimiter, People people) {
        this.people = people;
        this.notifications = notifications;
        this.rateLimiter = rateLimiter;
        this.courses = courses;
        this.scopes = scopes;
        this.audit = audit;
    }

    /** A saved course, or messages keyed by form field. */
    public record Saved(CourseSummary course, Map<String, String> problems) {
    }

    public List<CourseSummary> coursesOf(SignedInUser user) {
        boolean teaching = user.teachesInWorkspace();
        return scopes.asMember(user, () -> courses.visibleCourses(teaching));
    }

    /** The course as the caller may see it; another workspace's course, or one the student left, is not found. */
    public CourseSummary course(SignedInUser user, UUID courseId) {
        return scopes.asMember(user, () -> courses.find(courseId).orElseThrow(CourseNotFoundException::new));
    }

    public Saved create(SignedInUser teacher, CourseForm form) {
        Map<String, String> problems = validate(form);
        if (!problems.isEmpty()) {
            return new Saved(null, problems);
        }
        UUID id = UUID.randomUUID();
        return new Saved(asTeacher(teacher, () -> {
            insertWithFreshCode(id, teacher, form);
            audit.record(teacher.tenantId(), teacher.id(), "course.created", "course", id.toString(), Map.of("title", form.title().strip()));
            return courses.find(id).orElseThrow();
        }), Map.of());
    }

    public Saved update(SignedInUser teacher, UUID courseId, CourseForm form) {
        Map<String, String> problems = validate(form);
        if (!problems.isEmpty()) {
            return new Saved(null, problems);
        }
        return new Saved(asTeacher(teacher, () -> {
            if (!courses.update(courseId, form, RichText.sanitize(form.descriptionHtml()))) {
                throw new CourseNotFoundException();
            }
            audit.record(teacher.tenantId(), teacher.id(), "course.updated", "course", courseId.toString(), Map.of());
            return courses.find(courseId).orElseThrow();
        }), Map.of());
    }

    public void archive(SignedInUser teacher, UUID courseId, boolean archived) {
        asTeacher(teacher, () -> {
            if (!courses.setArchived(courseId, archived)) {
                throw new CourseNotFoundException();
            }
            audit.record(teacher.tenantId(), teacher.id(), archived ? "course.archived" : "course.restored", "course", courseId.toString(), Map.of());
            return null;
        });
    }

    /** Permanently removes the course with everything in it (privacy policy, "Data Retention"). */
    public void delete(SignedInUser teacher, UUID courseId) {
        asTeacher(teacher, () -> {
            CourseSummary course = courses.find(courseId).orElseThrow(CourseNotFoundException::new);
            courses.delete(courseId);
            audit.record(teacher.tenantId(), teacher.id(), "course.deleted", "course", courseId.toString(), Map.of("title", course.title()));
            return null;
        });
    }

    /** What happened when a student used a join code. */
    public enum JoinOutcome { JOINED, ALREADY_ENROLLED, UNKNOWN_CODE, COURSE_ARCHIVED, REMOVED }

    public record Joined(JoinOutcome outcome, UUID courseId, String title) {
    }

    /** What a join link leads to, shown before the student decides; empty when no course has the code. */
    public record JoinInvitation(String title, String teacherName, JoinOutcome wouldBe) {
    }

    /**
     * The course behind a join code, for the "Join ... by ...?" question. Limited like joining itself, per account
     * and per address, since it also tells whether a code exists.
     */
    public Optional<JoinInvitation> preview(SignedInUser student, String code, String clientAddress) {
        String normalized = normalizedJoinCode(student, code, clientAddress);
        if (normalized == null) {
            return Optional.empty();
        }
        return scopes.asStudent(student, () -> courses.joinPreview(normalized)).map(p -> new JoinInvitation(p.title(), p.teacherName(),
                p.archived() ? JoinOutcome.COURSE_ARCHIVED
                        : p.enrolmentStatus() == EnrolmentStatus.ACTIVE ? JoinOutcome.ALREADY_ENROLLED
                        : p.enrolmentStatus() == EnrolmentStatus.REMOVED ? JoinOutcome.REMOVED : JoinOutcome.JOINED));
    }

    /** The code in canonical form, or null when it cannot be one; refused with RateLimitedException when over the limits. */
    private String normalizedJoinCode(SignedInUser student, String code, String clientAddress) {
        if (!student.has(Role.STUDENT)) {
            throw new AccessDeniedException("Only students join courses");
        }
        rateLimiter.requireAllowed(RateLimitRule.JOIN_CODE_ACCOUNT, student.id().toString());
        rateLimiter.requireAllowed(RateLimitRule.JOIN_CODE_IP, clientAddress);
        String normalized = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        return normalized.matches("[A-Z0-9]{8}") ? normalized : null;
    }

    public Joined join(SignedInUser student, String code, String clientAddress) {
        String normalized = normalizedJoinCode(student, code, clientAddress);
        if (normalized == null) {
            return new Joined(JoinOutcome.UNKNOWN_CODE, null, null);
        }
        return scopes.asStudent(student, () -> {
            JoinAttempt attempt = courses.joinByCode(normalized);
            JoinOutcome outcome = switch (attempt.outcome()) {
                case "JOINED" -> JoinOutcome.JOINED;
                case "ALREADY_ENROLLED" -> JoinOutcome.ALREADY_ENROLLED;
                case "COURSE_ARCHIVED" -> JoinOutcome.COURSE_ARCHIVED;
                case "REMOVED" -> JoinOutcome.REMOVED;
                case "UNKNOWN_CODE" -> JoinOutcome.UNKNOWN_CODE;
                default -> throw new AccessDeniedException("Only active students join courses");
            };
            if (outcome == JoinOutcome.JOINED) {
                audit.record(null, student.id(), "course.joined", "course", attempt.courseId().toString(), Map.of());
                notifications.notifyCourseTeachers(attempt.tenantId(), attempt.courseId(), NotificationKind.ENROLMENT,
                        student.displayName() + " joined the course", "/courses/" + attempt.courseId() + "/people", student.id());
            }
            return new Joined(outcome, attempt.courseId(), attempt.title());
        });
    }

    /**
     * Gives the course a new join code: the old code and every link carrying it stop working. Students already
     * in the course stay.
     */
    public CourseSummary rotateJoinCode(SignedInUser teacher, UUID courseId) {
        return asTeacher(teacher, () -> {
            if (!courses.replaceJoinCode(courseId, freshJoinCode())) {
                throw new CourseNotFoundException();
            }
            audit.record(teacher.tenantId(), teacher.id(), "course.join_code_rotated", "course", courseId.toString(), Map.of());
            return courses.find(courseId).orElseThrow();
        });
    }

    /** A student in a course's people list. */
    public record CourseStudent(UUID id, String name, String email, Instant joinedAt) {
    }

    /** The course's active students, by name: the teacher's people list. */
    public List<CourseStudent> students(SignedInUser teacher, UUID courseId) {
        return asTeacher(teacher, () -> {
            courses.find(courseId).orElseThrow(CourseNotFoundException::new);
            Map<UUID, java.time.OffsetDateTime> enrolled = courses.activeStudents(courseId);
            Map<UUID, People.Person> named = people.visible(enrolled.keySet());
            return enrolled.entrySet().stream()
                    .filter(e -> named.containsKey(e.getKey()))
                    .map(e -> new CourseStudent(e.getKey(), named.get(e.getKey()).name(), named.get(e.getKey()).email(), e.getValue().toInstant()))
                    .sorted(Comparator.comparing(CourseStudent::name, String.CASE_INSENSITIVE_ORDER).thenComparing(CourseStudent::email))
                    .toList();
        });
    }

    /** The student leaves; the course's teachers are told (before, while the student may still reach them). */
    public void leave(SignedInUser student, UUID courseId) {
        scopes.asStudent(student, () -> {
            CourseSummary course = courses.find(courseId).orElseThrow(CourseNotFoundException::new);
            UUID tenantId = courses.tenantOf(courseId).orElseThrow(CourseNotFoundException::new);
            notifications.notifyCourseTeachers(tenantId, courseId, NotificationKind.ENROLMENT,
                    student.displayName() + " left the course", "/courses/" + courseId + "/people", student.id());
            if (!courses.endEnrolment(courseId, student.id(), EnrolmentStatus.LEFT)) {
                throw new CourseNotFoundException();
            }
            audit.record(null, student.id(), "course.left", "course", courseId.toString(), Map.of());
            return null;
        });
    }

    public void removeStudent(SignedInUser teacher, UUID courseId, UUID studentId) {
        asTeacher(teacher, () -> {
            if (!courses.endEnrolment(courseId, studentId, EnrolmentStatus.REMOVED)) {
                throw new CourseNotFoundException();
            }
            audit.record(teacher.tenantId(), teacher.id(), "course.student_removed", "course", courseId.toString(), Map.of("student", studentId.toString()));
            return null;
        });
    }

    private <T> T asTeacher(SignedInUser teacher, Supplier<T> work) {
        return scopes.asTeacher(teacher, work);
    }

    private void insertWithFreshCode(UUID id, SignedInUser teacher, CourseForm form) {
        courses.insert(id, teacher.tenantId(), form, RichText.sanitize(form.descriptionHtml()), freshJoinCode(), teacher.id());
    }

    /** Join codes are random (32^8 of them); a code already in use is simply drawn again. */
    private String freshJoinCode() {
        String code = newJoinCode();
        while (courses.joinCodeTaken(code)) {
            code = newJoinCode();
        }
        return code;
    }

    static String newJoinCode() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static Map<String, String> validate(CourseForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (form.title() == null || form.title().isBlank()) {
            problems.put("title", "Give the course a title");
        } else if (form.title().strip().length() > 200) {
            problems.put("title", "Use at most 200 characters");
        }
        if (form.startsOn() != null && form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
            problems.put("endsOn", "The course cannot end before it starts");
        }
        if (form.visibility() == null) {
            problems.put("visibility", "Choose who can find the course");
        }
        if (form.descriptionHtml() != null && form.descriptionHtml().length() > 100_000) {
            problems.put("description", "The description is too long (100,000 characters at most)");
        }
        return problems;
    }
}
