package com.classentra.calendar;

import static com.classentra.db.jooq.Tables.CALENDAR_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.classentra.calendar.CalendarEntry.Kind;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@ClassentraTest
class CalendarServiceTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2027, 1, 11, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final Instant FROM = MONDAY.minusDays(1).toInstant();
    private static final Instant TO = MONDAY.plusDays(7).toInstant();

    @Autowired
    CalendarService calendar;
    @Autowired
    CourseService courses;
    @Autowired
    Classrooms classroom;
    @Autowired
    PlatformSql platform;

    private static EventForm form(String title, OffsetDateTime start, Duration length) {
        return new EventForm(title, "Bring the score", start.toInstant(), start.plus(length).toInstant());
    }

    @Test
    void personalEventsAreCreatedChangedAndDeletedByTheirOwnerOnly() {
        SignedInUser student = classroom.student("Ann", "Lee");
        CalendarEntry event = calendar.create(student, form("  Practice  ", MONDAY.plusHours(8), Duration.ofHours(1))).event();
        assertThat(event.title()).isEqualTo("Practice");
        assertThat(event.kind()).isEqualTo(Kind.PERSONAL);

        calendar.update(student, event.sourceId(), form("Practice scales", MONDAY.plusHours(9), Duration.ofMinutes(30)));
        assertThat(calendar.entries(student, FROM, TO)).singleElement()
                .satisfies(e -> assertThat(e.title()).isEqualTo("Practice scales"))
                .satisfies(e -> assertThat(e.endsAt()).isEqualTo(MONDAY.plusHours(9).plusMinutes(30).toInstant()));

        SignedInUser other = classroom.student("Eve", "Other");
        SignedInUser teacher = classroom.teacher("Ines", "Rossi");
        for (SignedInUser intruder : new SignedInUser[] {other, teacher}) {
            assertThatThrownBy(() -> calendar.update(intruder, event.sourceId(), form("Hijacked", MONDAY, Duration.ZERO)))
                    .isInstanceOf(CalendarEventNotFoundException.class);
            assertThatThrownBy(() -> calendar.delete(intruder, event.sourceId())).isInstanceOf(CalendarEventNotFoundException.class);
            assertThat(calendar.entries(intruder, FROM, TO)).isEmpty();
        }
        assertThat(platform.value(CALENDAR_EVENT.TITLE, CALENDAR_EVENT.ID.eq(event.sourceId()))).isEqualTo("Practice scales");

        calendar.delete(student, event.sourceId());
        assertThat(calendar.entries(student, FROM, TO)).isEmpty();
    }

    @Test
    void badInputGetsFieldMessagesAndStoresNothing() {
        SignedInUser teacher = classroom.teacher("Ines", "Rossi");
        assertThat(calendar.create(teacher, new EventForm(" ", "", MONDAY.toInstant(), MONDAY.minusMinutes(1).toInstant())).problems())
                .containsOnlyKeys("title", "endsAt");
        assertThat(calendar.create(teacher, new EventForm("x".repeat(201), "", null, null)).problems())
                .containsOnlyKeys("title", "startsAt", "endsAt");
        assertThat(calendar.create(teacher, new EventForm("Notes", "n".repeat(5001), MONDAY.toInstant(), MONDAY.toInstant())).problems())
                .containsOnlyKeys("notes");
        assertThat(calendar.entries(teacher, FROM, TO)).isEmpty();
    }

    @Test
    void sessionsAndDueDatesShowForTheWorkspacesTeacherAndActiveStudentsOnly() {
        SignedInUser teacher = classroom.teacher("Ines", "Rossi");
        CourseSummary course = classroom.course(teacher, "Jazz piano");
        SignedInUser student = classroom.student("Ann", "Lee");
        SignedInUser outsider = classroom.student("Out", "Sider");
        classroom.enrol(student, course);
        UUID session = classroom.session(teacher, course, "Voicings", MONDAY, 90, "https://meet.example.com/jazz");
        classroom.assignment(teacher, course, "Transcription", MONDAY.plusDays(3));
        classroom.session(teacher, course, "Next month", MONDAY.plusDays(40), 60, null);
        SignedInUser otherTeacher = classroom.teacher("Eve", "Other");
        classroom.session(otherTeacher, classroom.course(otherTeacher, "Other school"), "Not yours", MONDAY, 60, null);

        for (SignedInUser user : new SignedInUser[] {teacher, student}) {
            assertThat(calendar.entries(user, FROM, TO)).as(user.displayName())
                    .extracting(CalendarEntry::kind, CalendarEntry::title, CalendarEntry::courseTitle)
                    .containsExactly(tuple(Kind.SESSION, "Voicings", "Jazz piano"),
                            tuple(Kind.DEADLINE, "Transcription", "Jazz piano"));
        }
        CalendarEntry voicings = calendar.entries(student, FROM, TO).getFirst();
        assertThat(voicings.sourceId()).isEqualTo(session);
        assertThat(voicings.endsAt()).isEqualTo(MONDAY.plusMinutes(90).toInstant());
        assertThat(voicings.meetingUrl()).isEqualTo("https://meet.example.com/jazz");
        assertThat(calendar.entries(student, MONDAY.plusMinutes(30).toInstant(), TO)).as("a session already running overlaps")
                .extracting(CalendarEntry::title).contains("Voicings");
        assertThat(calendar.entries(outsider, FROM, TO)).isEmpty();

        courses.leave(student, course.id());
        assertThat(calendar.entries(student, FROM, TO)).as("after leaving").isEmpty();
        courses.archive(teacher, course.id(), true);
        assertThat(calendar.entries(teacher, FROM, TO)).as("archived course").isEmpty();
    }

    @Test
    void aTeacherWithoutAWorkspaceHasTheirOwnEventsOnly() {
        SignedInUser teacher = new SignedInUser(classroom.student("No", "Workspace").id(), "n@example.com", "No Workspace",
                Set.of(Role.TEACHER), null, null);
        calendar.create(teacher, form("Planning", MONDAY, Duration.ofHours(1)));
        assertThat(calendar.entries(teacher, FROM, TO)).extracting(CalendarEntry::title).containsExactly("Planning");
        assertThat(calendar.newFeedAddress(teacher)).contains("/calendar/feed/");
    }

    @Test
    void onlyTeachersAndStudentsHaveACalendar() {
        SignedInUser admin = new SignedInUser(UUID.randomUUID(), "a@example.com", "Ad Min", Set.of(Role.ADMIN), null, null);
        assertThatThrownBy(() -> calendar.entries(admin, FROM, TO)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> calendar.newFeedAddress(admin)).isInstanceOf(AccessDeniedException.class);
    }
}
