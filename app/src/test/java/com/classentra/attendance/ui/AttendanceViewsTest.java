package com.classentra.attendance.ui;

import static com.classentra.db.jooq.Tables.ATTENDANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.attendance.AttendanceService;
import com.classentra.attendance.AttendanceStatus;
import com.classentra.attendance.Attendee;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

@ClassentraTest
class AttendanceViewsTest extends SpringBrowserlessTest {

    @Autowired
    Classrooms classroom;
    @Autowired
    AttendanceService attendance;
    @Autowired
    PlatformSql platform;

    private SignedInUser teacher;
    private SignedInUser ann;
    private SignedInUser ben;
    private CourseSummary course;
    private UUID session;

    @BeforeEach
    void aCourseWithASession() {
        teacher = classroom.teacher("Ines", "Rossi");
        course = classroom.course(teacher, "Jazz piano");
        ann = classroom.student("Ann", "Lee");
        ben = classroom.student("Ben", "Moss");
        classroom.enrol(ann, course);
        classroom.enrol(ben, course);
        session = classroom.session(teacher, course, "Voicings", OffsetDateTime.of(2027, 1, 11, 9, 0, 0, 0, ZoneOffset.UTC), 60, null);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private String rollPath() {
        return "courses/" + course.id() + "/sessions/" + session + "/attendance";
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTeacherMarksEveryonePresentCorrectsOneAndSaves() {
        SignIn.as(teacher);
        navigate(rollPath(), AttendanceView.class);
        Grid<Attendee> grid = find(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(2);

        test(find(Button.class).withText("Mark all present").single()).click();
        RadioButtonGroup<AttendanceStatus> bens = (RadioButtonGroup<AttendanceStatus>) test(grid).getCellComponent(1, 0).getChildren()
                .filter(RadioButtonGroup.class::isInstance).findFirst().orElseThrow();
        assertThat(bens.getAriaLabel()).contains("Attendance of Ben Moss");
        test(bens).selectItem("Late");
        test(find(Button.class).withText("Save attendance").single()).click();

        assertThat(platform.value(ATTENDANCE.STATUS, ATTENDANCE.STUDENT_ID.eq(ann.id()))).isEqualTo("PRESENT");
        assertThat(platform.value(ATTENDANCE.STATUS, ATTENDANCE.STUDENT_ID.eq(ben.id()))).isEqualTo("LATE");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTeacherSeesStudentsBySessionsAndCanDownloadTheCsv() {
        attendance.record(teacher, course.id(), session, Map.of(ann.id(), AttendanceStatus.ABSENT));
        SignIn.as(teacher);
        navigate("courses/" + course.id() + "/attendance", CourseAttendanceView.class);

        Grid<Attendee> grid = find(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("0 of 1");
        assertThat(find(Anchor.class).all()).anySatisfy(a -> assertThat(a.getElement().getAttribute("href")).isNotBlank());

        test((Button) test(grid).getCellComponent(0, 0)).click();
        Grid<?> history = find(Grid.class).all().stream().filter(g -> g != grid).findFirst().orElseThrow();
        assertThat(test(history).getCellText(0, 0)).isEqualTo("Voicings");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStudentSeesOnlyTheirOwnHistoryAndCannotOpenTheRoll() {
        attendance.record(teacher, course.id(), session, Map.of(ann.id(), AttendanceStatus.EXCUSED, ben.id(), AttendanceStatus.ABSENT));
        SignIn.as(ann);
        navigate("courses/" + course.id() + "/attendance", CourseAttendanceView.class);

        Grid<?> grid = find(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("Voicings");
        assertThat(find(Button.class).withText("Download CSV").exists()).isFalse();

        UI.getCurrent().navigate(rollPath());
        assertThat(currentView()).isNotInstanceOf(AttendanceView.class);
    }

    @Test
    void anotherWorkspacesTeacherGetsNotFound() {
        SignIn.as(classroom.teacher("Eve", "Other"));
        UI.getCurrent().navigate(rollPath());
        assertThat(currentView()).isNotInstanceOf(AttendanceView.class);
        UI.getCurrent().navigate("courses/" + course.id() + "/attendance");
        assertThat(currentView()).isNotInstanceOf(CourseAttendanceView.class);
        UI.getCurrent().navigate("courses/not-a-uuid/attendance");
        assertThat(currentView()).isNotInstanceOf(CourseAttendanceView.class);
    }

    private static Object currentView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
    }
}
