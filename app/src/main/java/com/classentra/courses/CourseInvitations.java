package com.classentra.courses;

import com.classentra.accounts.People;
import com.classentra.courses.CourseInvitationRepository.Acceptance;
import com.classentra.courses.CourseInvitationRepository.InvitationLookup;
import com.classentra.notifications.NotificationKind;
import com.classentra.notifications.NotificationService;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.ratelimit.RateLimitRule;
import com.classentra.platform.ratelimit.RateLimiter;
import com.classentra.platform.secrets.LinkSigner;
import com.classentra.platform.security.RoleScopes;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.platform.text.EmailAddresses;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Personal invitations to a course: one per address, sent by email with a link that works for the account with that
 * address only, until it is used, expires or the teacher revokes it. Unlike the course's shared join code, an invitation
 * brings back a student the teacher had removed: the teacher asked this person in.
 */
@Service
public class CourseInvitations {

    /** How long an invitation's link works after it was last sent. */
    public static final Duration VALIDITY = Duration.ofDays(30);
    private static final String LINK_PURPOSE = "COURSE_INVITATION";
    private static final int MAX_PER_BATCH = 50;

    private final CourseInvitationRepository invitations;
    private final CourseRepository courses;
    private final RoleScopes scopes;
    private final AuditLog audit;
    private final EmailOutbox outbox;
    private final ClassentraProperties properties;
    private final NotificationService notifications;
    private final RateLimiter rateLimiter;
    private final People people;
    private final LinkSigner signer;

    CourseInvitations(CourseInvitationRepository invitations, CourseRepository courses, RoleScopes scopes, AuditLog audit, EmailOutbox outbox,
            ClassentraProperties properties, NotificationService notifications, RateLimiter rateLimiter, People people, LinkSigner signer) {
        this.invitations = invitations;
        this.courses = courses;
        this.scopes = scopes;
        this.audit = audit;
        this.outbox = outbox;
        this.properties = properties;
        this.notifications = notifications;
        this.rateLimiter = rateLimiter;
        this.people = people;
        this.signer = signer;
    }

    /**
     * The outcome of inviting people: how many invitations were sent, which entries were not addresses, which addresses
     * belong to students already in the course, and which were left out because the teacher's daily limit ran out.
     */
    public record Invited(int queued, List<String> refused, List<String> alreadyIn, List<String> overDailyLimit) {
    }

    /**
     * Sends a personal invitation to each address (separated by commas, semicolons, spaces or new lines; at most 50 at
     * a time). An address with an open invitation gets the same link again, valid for another {@link #VALIDITY}.
     */
    public Invited invite(SignedInUser teacher, UUID courseId, String addresses) {
        List<String> entries = addresses == null ? List.of()
                : Arrays.stream(addresses.split("[,;\\s]+")).map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
        List<String> valid = entries.stream().filter(EmailAddresses::plausible).limit(MAX_PER_BATCH).toList();
        List<String> refused = entries.stream().filter(a -> !valid.contains(a)).toList();
        List<String> alreadyIn = new ArrayList<>();
        List<String> overLimit = new ArrayList<>();
        int sent = scopes.asTeacher(teacher, () -> {
            CourseSummary course = courses.find(courseId).orElseThrow(CourseNotFoundException::new);
            if (course.archived()) {
                throw new CourseArchivedException("An archived course takes no new students. Restore it first.");
            }
            Set<String> students = people.visible(courses.activeStudents(courseId).keySet()).values().stream()
                    .map(person -> normalized(person.email())).collect(Collectors.toSet());
            int queued = 0;
            for (String address : valid) {
                if (students.contains(normalized(address))) {
                    alreadyIn.add(address);
                } else if (!overLimit.isEmpty() || !rateLimiter.check(RateLimitRule.INVITATIONS_TEACHER, teacher.id().toString()).allowed()) {
                    // The limit keeps a workspace from using the app to mail strangers in bulk.
                    overLimit.add(address);
                } else {
                    send(teacher, course, address);
                    queued++;
                }
            }
            audit.record(teacher.tenantId(), teacher.id(), "course.invited", "course", courseId.toString(), Map.of("count", queued));
            return queued;
        });
        return new Invited(sent, refused, alreadyIn, overLimit);
    }

    private void send(SignedInUser teacher, CourseSummary course, String address) {
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(VALIDITY);
        UUID id = invitations.sendOpen(teacher.tenantId(), course.id(), address, teacher.id(), expires);
        outbox.enqueue(new EmailRequest(teacher.tenantId(), null, address, null, "course-invitation", null, Map.of(
                "teacherName", teacher.displayName(), "courseTitle", course.title(), "link", link(id),
                "invitedAddress", address, "validDays", String.valueOf(VALIDITY.toDays()))));
    }

    /** The link with the course's shared join code, for the teacher to hand out in class; it works for anyone who has it. */
    public String joinLink(CourseSummary course) {
        return properties.publicUrl() + "/courses/join/" + course.joinCode();
    }

    /** The personal link of an invitation: its id, signed, so a stored id alone is no link. */
    String link(UUID invitationId) {
        return properties.publicUrl() + "/courses/invitations/" + signer.signId(LINK_PURPOSE, invitationId);
    }

    /** An invitation the teacher sent that nobody has accepted yet, and that was not revoked. */
    public record OpenInvitation(UUID id, String email, Instant sentAt, Instant expiresAt) {

        public boolean expired(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    /** The course's open invitations, the most recently sent first, for its teacher's people list. */
    public List<OpenInvitation> open(SignedInUser teacher, UUID courseId) {
        return scopes.asTeacher(teacher, () -> {
            courses.find(courseId).orElseThrow(CourseNotFoundException::new);
            return invitations.open(courseId).stream().map(CourseInvitations::toOpen).toList();
        });
    }

    /** Sends an open invitation's email again (same link), valid for another {@link #VALIDITY}; false when it is no longer open. */
    public boolean resend(SignedInUser teacher, UUID courseId, UUID invitationId) {
        return scopes.asTeacher(teacher, () -> {
            CourseSummary course = courses.find(courseId).orElseThrow(CourseNotFoundException::new);
            Optional<CourseInvitationRepository.OpenInvitation> invitation = invitations.findOpen(courseId, invitationId);
            if (invitation.isEmpty() || course.archived()) {
                return false;
            }
            rateLimiter.requireAllowed(RateLimitRule.INVITATIONS_TEACHER, teacher.id().toString());
            send(teacher, course, invitation.get().email());
            audit.record(teacher.tenantId(), teacher.id(), "course.invitation_resent", "course", courseId.toString(), Map.of("invitation", invitationId.toString()));
            return true;
        });
    }

    /** Withdraws an open invitation: its link stops working at once. False when it was already used or revoked. */
    public boolean revoke(SignedInUser teacher, UUID courseId, UUID invitationId) {
        return scopes.asTeacher(teacher, () -> {
            courses.find(courseId).orElseThrow(CourseNotFoundException::new);
            boolean revoked = invitations.revoke(courseId, invitationId);
            if (revoked) {
                audit.record(teacher.tenantId(), teacher.id(), "course.invitation_revoked", "course", courseId.toString(),
                        Map.of("invitation", invitationId.toString()));
            }
            return revoked;
        });
    }

    /** Where a personal invitation stands for the person who opened it. */
    public enum InvitationOutcome { JOINED, ALREADY_ENROLLED, UNKNOWN, REVOKED, EXPIRED, USED, COURSE_ARCHIVED, WRONG_ACCOUNT }

    /**
     * What an invitation link leads to, before the person decides. The course is named only to the invited account;
     * anyone else learns only whose address it was sent to, partly hidden.
     */
    public record InvitationPreview(InvitationOutcome wouldBe, String title, String teacherName, String invitedAddressHint) {
    }

    public InvitationPreview preview(SignedInUser student, String token) {
        requireStudent(student);
        Optional<UUID> id = invitationId(token);
        if (id.isEmpty()) {
            return new InvitationPreview(InvitationOutcome.UNKNOWN, null, null, null);
        }
        return scopes.asStudent(student, () -> invitations.preview(id.get()))
                .map(CourseInvitations::previewOf)
                .orElse(new InvitationPreview(InvitationOutcome.UNKNOWN, null, null, null));
    }

    private static InvitationPreview previewOf(InvitationLookup found) {
        if (found.state().equals("REVOKED")) {
            return new InvitationPreview(InvitationOutcome.REVOKED, null, null, null);
        }
        InvitationOutcome outcome;
        if (!found.forCaller()) {
            return new InvitationPreview(InvitationOutcome.WRONG_ACCOUNT, null, null, hint(found.invitedEmail()));
        } else if (found.enrolmentStatus() == EnrolmentStatus.ACTIVE) {
            outcome = InvitationOutcome.ALREADY_ENROLLED;
        } else if (found.state().equals("ACCEPTED")) {
            outcome = InvitationOutcome.USED;
        } else if (found.state().equals("EXPIRED")) {
            outcome = InvitationOutcome.EXPIRED;
        } else if (found.archived()) {
            outcome = InvitationOutcome.COURSE_ARCHIVED;
        } else {
            outcome = InvitationOutcome.JOINED;
        }
        return new InvitationPreview(outcome, found.title(), found.teacherName(), null);
    }

    /** The outcome of accepting; the course is known for every outcome but UNKNOWN and WRONG_ACCOUNT. */
    public record Accepted(InvitationOutcome outcome, UUID courseId, String title) {
    }

    public Accepted accept(SignedInUser student, String token) {
        requireStudent(student);
        Optional<UUID> id = invitationId(token);
        if (id.isEmpty()) {
            return new Accepted(InvitationOutcome.UNKNOWN, null, null);
        }
        return scopes.asStudent(student, () -> {
            Acceptance acceptance = invitations.accept(id.get());
            if (acceptance.outcome().equals("NOT_A_STUDENT")) {
                throw new AccessDeniedException("Only active students join courses");
            }
            InvitationOutcome outcome = InvitationOutcome.valueOf(acceptance.outcome());
            if (outcome == InvitationOutcome.JOINED) {
                audit.record(null, student.id(), "course.joined", "course", acceptance.courseId().toString(), Map.of("by", "invitation"));
                notifications.notifyCourseTeachers(acceptance.tenantId(), acceptance.courseId(), NotificationKind.ENROLMENT,
                        student.displayName() + " joined the course", "/courses/" + acceptance.courseId() + "/people", student.id());
            }
            boolean named = outcome != InvitationOutcome.UNKNOWN && outcome != InvitationOutcome.WRONG_ACCOUNT;
            return new Accepted(outcome, named ? acceptance.courseId() : null, named ? acceptance.title() : null);
        });
    }

    private static void requireStudent(SignedInUser student) {
        if (!student.has(Role.STUDENT)) {
            throw new AccessDeniedException("Only students join courses");
        }
    }

    private Optional<UUID> invitationId(String token) {
        return signer.idFrom(LINK_PURPOSE, token);
    }

    /** "l•••@example.com": enough for the invitee to recognise their address, not enough to read someone else's. */
    static String hint(String email) {
        int at = email.lastIndexOf('@');
        return email.charAt(0) + "•••" + email.substring(at);
    }

    private static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static OpenInvitation toOpen(CourseInvitationRepository.OpenInvitation row) {
        return new OpenInvitation(row.id(), row.email(), row.sentAt().toInstant(), row.expiresAt().toInstant());
    }
}
