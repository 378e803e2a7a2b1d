package com.classentra.attendance;

import static com.classentra.db.jooq.Tables.APP_USER;
import static com.classentra.db.jooq.Tables.ATTENDANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.courses.CourseNotFoundException;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@ClassentraTest
class AttendanceServiceTest {

    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2027, 1, 11, 9, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    AttendanceService attendance;
    @Autowired
    CourseService courses;
    @Autowired
    Classrooms classroom;
    @Autowired
    PlatformSql platform;

    @Test
    void aTeacherTakesAttendanceForTheActiveStudentsAndCanCorrectIt() {
        SignedInUser teacher = classroom.teacher("Ines", "Rossi");
        CourseSummary course = classroom.course(teacher, "Jazz piano");
        SignedInUser zoe = classroom.student("Zoe", "Adams");
        SignedInUser bo = classroom.student("Bo", "Young");
        SignedInUser gone = classroom.student("Al", "Gone");
        classroom.enrol(zoe, course);
        classroom.enrol(bo, course);
        classroom.enrol(gone, course);
        courses.leave(gone, course.id());
        UUID session = classroom.session(teacher, course, "Week 1", MONDAY, 60, "https://meet.example.com/abc");

        SessionRoll roll = attendance.roll(teacher, course.id(), session);
        assertThat(roll.courseTitle()).isEqualTo("Jazz piano");
        assertThat(roll.students()).extracting(Attendee::name).containsExactly("Zoe Adams", "Bo Young");
        assertThat(roll.marks()).isEmpty();

        attendance.record(teacher, course.id(), session, Map.of(zoe.id(), AttendanceStatus.PRESENT, bo.id(), AttendanceStatus.LATE));
        attendance.record(teacher, course.id(), session, Map.of(bo.id(), AttendanceStatus.EXCUSED));

        assertThat(attendance.roll(teacher, course.id(), session).marks())
                .containsExactlyInAnyOrderEntriesOf(Map.of(zoe.id(), AttendanceStatus.PRESENT, bo.id(), AttendanceStatus.EXCUSED));
        var row = platform.call(sql -> sql.selectFrom(ATTENDANCE).where(ATTENDANCE.STUDENT_ID.eq(bo.id())).fetchSingle());
        assertThat(row.getNotedBy()).isEqualTo(teacher.id());
        assertThat(row.getTenantId()).isEqualTo(teacher.tenantId());

        assertThatThrownBy(() -> attendance.record(teacher, course.id(), session, Map.of(gone.id(), AttendanceStatus.PRESENT)))
                .as("a student who left").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTeacherSeesEveryStudentsHistoryAndAStudentOnlyTheirOwn() {
        SignedInUser teacher = classroom.teacher("Ines", "Rossi");
        CourseSummary course = classroom.course(teacher, "Cello");
        SignedInUser ann = classroom.student("Ann", "Lee");
        SignedInUser ben = classroom.student("Ben", "Moss");
        classroom.enrol(ann, course);
        classroom.enrol(ben, course);
        UUID first = classroom.session(teacher, course, "First", MONDAY, 45, null);
        UUID second = classroom.session(teacher, course, "Second", MONDAY.plusWeeks(1), 45, null);
        attendance.record(teacher, course.id(), first, Map.of(ann.id(), AttendanceStatus.PRESENT, ben.id(), AttendanceStatus.ABSENT));
        attendance.record(teacher, course.id(), second, Map.of(ann.id(), AttendanceStatus.LATE));

        CourseAttendance all = attendance.courseAttendance(teacher, course.id());
        assertThat(all.sessions()).extracting(CourseSession::title).containsExactly("First", "Second");
        assertThat(all.students()).extracting(Attendee::name).containsExactly("Ann Lee", "Ben Moss");
        assertThat(all.status(ben.id(), first)).isEqualTo(AttendanceStatus.ABSENT);
        assertThat(all.status(ben.id(), second)).isNull();
        assertThat(attendance.studentHistory(teacher, course.id(), ben.id()).students()).extracting(Attendee::studentId).containsExactly(ben.id());

        CourseAttendance own = attendance.courseAttendance(ann, course.id());
        assertThat(own.students()).extracting(Attendee::studentId).containsExactly(ann.id());
        assertThat(own.marks()).hasSize(2);
        assertThat(own.status(ann.id(), second)).isEqualTo(AttendanceStatus.LATE);
        assertThatThrownBy(() -> attendance.studentHistory(ann, course.id(), ben.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attendance.courseAttendance(classroom.student("Not", "Enrolled"), course.id()))
                .isInstanceOf(CourseNotFoundException.class);
    }

    @Test
    void aStudentCannotTakeAttendance() {
        SignedInUser teacher = classroom.teacher("Ines", "Rossi");
        CourseSummary course = classroom.course(teacher, "Flute");
        SignedInUser student = classroom.student("Sly", "Student");
        classroom.enrol(student, course);
        UUID session = classroom.session(teacher, course, "Week 1", MONDAY, 60, null);

        assertThatThrownBy(() -> attendance.record(student, course.id(), session, Map.of(student.id(), AttendanceStatus.PRESENT)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attendance.roll(student, course.id(), session)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attendance.csv(student, course.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(platform.count(ATTENDANCE, ATTENDANCE.SESSION_ID.eq(session))).isZero();
    }

    @Test
    void anotherWorkspacesTeacherCannotReadOrWriteTheAttendanceById() {
        SignedInUser owner = classroom.teacher("Ines", "Rossi");
        CourseSummary course = classroom.course(owner, "Violin");
        SignedInUser student = classroom.student("Ann", "Lee");
        classroom.enrol(student, course);
        UUID session = classroom.session(owner, course, "Week 1", MONDAY, 60, null);
        attendance.record(owner, course.id(), session, Map.of(student.id(), AttendanceStatus.PRESENT));

        SignedInUser intruder = classroom.teacher("Eve", "Other");
        CourseSummary intrudersCourse = classroom.course(intruder, "Decoy");
        assertThatThrownBy(() -> attendance.roll(intruder, course.id(), session)).isInstanceOf(CourseNotFoundException.class);
        assertThatThrownBy(() -> attendance.record(intruder, course.id(), session, Map.of(student.id(), AttendanceStatus.ABSENT)))
                .isInstanceOf(CourseNotFoundException.class);
        assertThatThrownBy(() -> attendance.courseAttendance(intruder, course.id())).isInstanceOf(CourseNotFoundException.class);
        assertThatThrownBy(() -> attendance.csv(intruder, course.id())).isInstanceOf(CourseNotFoundException.class);
        // The other workspace's session id under the intruder's own course: still not found.
        assertThatThrownBy(() -> attendance.roll(intruder, intrudersCourse.id(), session)).isInstanceOf(AttendanceNotFoundException.class);
        assertThatThrownBy(() -> attendance.record(intruder, intrudersCourse.id(), session, Map.of(student.id(), AttendanceStatus.ABSENT)))
                .isInstanceOf(AttendanceNotFoundException.class);

        assertThat(platform.value(ATTENDANCE.STATUS, ATTENDANCE.SESSION_ID.eq(session))).isEqualTo("PRESENT");
        assertThat(platform.count(ATTENDANCE, ATTENDANCE.SESSION_ID.eq(session))).isEqualTo(1);
    }

    @Test
    void theCsvHasOneRowPerStudentAndSessionWithFormulasDefused() {
        SignedInUser teacher = classroom.teacher("Ines", "Rossi");
        CourseSummary course = classroom.course(teacher, "Spreadsheets");
        SignedInUser sneaky = classroom.student("Sam", "Smith");
        platform.call(sql -> sql.update(APP_USER).set(APP_USER.FIRST_NAME, "=HYPERLINK(\"http://evil\")").where(APP_USER.ID.eq(sneaky.id())).execute());
        SignedInUser plain = classroom.student("Ann", "Lee");
        classroom.enrol(sneaky, course);
        classroom.enrol(plain, course);
        UUID first = classroom.session(teacher, course, "@first, with comma", MONDAY, 60, null);
        classroom.session(teacher, course, "-second", MONDAY.plusDays(7), 60, null);
        attendance.record(teacher, course.id(), first, Map.of(plain.id(), AttendanceStatus.PRESENT));

        String csv = attendance.csv(teacher, course.id());

        assertThat(csv.lines().toList()).containsExactly(
                "Student,Email,Session,Session start (UTC),Status",
                "Ann Lee," + plain.email() + ",\"'@first, with comma\",2027-01-11T09:00:00Z,PRESENT",
                "Ann Lee," + plain.email() + ",'-second,2027-01-18T09:00:00Z,",
                "\"'=HYPERLINK(\"\"http://evil\"\") Smith\"," + sneaky.email() + ",\"'@first, with comma\",2027-01-11T09:00:00Z,",
                "\"'=HYPERLINK(\"\"http://evil\"\") Smith\"," + sneaky.email() + ",'-second,2027-01-18T09:00:00Z,");
    }
}
