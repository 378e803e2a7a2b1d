package com.classentra.calendar.ui;

import static com.classentra.db.jooq.Tables.CALENDAR_EVENT;
import static com.classentra.db.jooq.Tables.CALENDAR_FEED;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.accounts.ui.SettingsView;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

@ClassentraTest
class CalendarViewsTest extends SpringBrowserlessTest {

    @Autowired
    Classrooms classroom;
    @Autowired
    PlatformSql platform;

    private SignedInUser teacher;
    private SignedInUser student;

    @BeforeEach
    void aSessionToday() {
        teacher = classroom.teacher("Ines", "Rossi");
        CourseSummary course = classroom.course(teacher, "Jazz piano");
        student = classroom.student("Ann", "Lee");
        classroom.enrol(student, course);
        // Noon in the zone the view falls back to without a browser, so the session is on today's date.
        classroom.session(teacher, course, "Voicings", LocalDate.now(ZoneId.systemDefault()).atTime(LocalTime.NOON)
                .atZone(ZoneId.systemDefault()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC), 60, "https://meet.example.com/jazz");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Div chip(String text) {
        return find(Div.class).withClassName("calendar-chip").all().stream()
                .filter(chip -> chip.getElement().getAttribute("aria-label").startsWith(text)).findFirst().orElseThrow();
    }

    @Test
    void theTeacherSeesTheSessionInEveryModeAndCanOpenItsAttendance() {
        SignIn.as(teacher);
        navigate(CalendarView.class);
        for (int mode = 0; mode < 3; mode++) {
            find(Tabs.class).single().setSelectedIndex(mode);
            assertThat(chip("Voicings")).as("mode %d", mode).isNotNull();
        }
        Div voicings = chip("Voicings");
        ComponentUtil.fireEvent(voicings, new ClickEvent<>(voicings));
        assertThat(find(RouterLink.class).withText("Take attendance").single().getHref()).endsWith("/attendance");
    }

    @Test
    void aStudentAddsAnEventAndIsToldWhatIsWrongFirst() {
        SignIn.as(student);
        navigate(CalendarView.class);
        assertThat(chip("Voicings")).isNotNull();

        test(find(Button.class).withText("New event").single()).click();
        test(find(Button.class).withText("Save").single()).click();
        TextField title = find(TextField.class).withCaption("Title").single();
        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Give the event a title");

        test(title).setValue("Practice");
        DateTimePicker ends = find(DateTimePicker.class).withCaption("Ends").single();
        DateTimePicker starts = find(DateTimePicker.class).withCaption("Starts").single();
        ends.setValue(starts.getValue().minusHours(1));
        test(find(Button.class).withText("Save").single()).click();
        assertThat(ends.getErrorMessage()).isEqualTo("The event cannot end before it starts");

        ends.setValue(starts.getValue().plusMinutes(30));
        test(find(Button.class).withText("Save").single()).click();
        assertThat(platform.value(CALENDAR_EVENT.TITLE, CALENDAR_EVENT.USER_ID.eq(student.id()))).isEqualTo("Practice");
        assertThat(chip("Practice")).isNotNull();
    }

    @Test
    void settingsMakeShowAndTurnOffTheFeedAddress() {
        SignIn.as(student);
        navigate(SettingsView.class);
        test(find(Button.class).withText("Create feed address").single()).click();
        TextField address = find(TextField.class).withCaption("Your feed address").single();
        assertThat(address.getValue()).matches("https?://.*/calendar/feed/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(platform.count(CALENDAR_FEED, CALENDAR_FEED.USER_ID.eq(student.id()))).isEqualTo(1);

        test(find(Button.class).withText("Turn off").single()).click();
        assertThat(platform.count(CALENDAR_FEED, CALENDAR_FEED.USER_ID.eq(student.id()))).isZero();
        assertThat(find(Button.class).withText("Create feed address").exists()).isTrue();
    }
}
