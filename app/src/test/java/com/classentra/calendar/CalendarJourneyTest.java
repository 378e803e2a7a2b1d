package com.classentra.calendar;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * A teacher finds today's session in the calendar and takes attendance from it; a student makes their feed
 * address in Settings and fetches it as a calendar app would. Screenshots at desktop and phone widths, light and dark.
 */
@BrowserTest
class CalendarJourneyTest {

    @Test
    void aTeacherTakesAttendanceFromTheCalendarAndAStudentFetchesTheFeed(Journey teacherBrowser) {
        Classrooms classroom = teacherBrowser.bean(Classrooms.class);
        SignedInUser teacher = classroom.teacher("Ines", "Rossi");
        CourseSummary course = classroom.course(teacher, "Jazz piano, level 2");
        SignedInUser ann = classroom.student("Ann", "Lee");
        SignedInUser ben = classroom.student("Ben", "Moss");
        classroom.enrol(ann, course);
        classroom.enrol(ben, course);
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        UUID voicings = classroom.session(teacher, course, "Voicings", today.atTime(LocalTime.of(17, 0)).atZone(ZoneId.systemDefault())
                .toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC), 90, "https://meet.example.com/jazz");
        classroom.session(teacher, course, "Comping", today.plusDays(7).atTime(LocalTime.of(17, 0)).atZone(ZoneId.systemDefault())
                .toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC), 90, null);
        classroom.assignment(teacher, course, "Transcribe a solo", today.plusDays(3).atTime(LocalTime.of(23, 0))
                .atZone(ZoneId.systemDefault()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));

        teacherBrowser.signIn(teacher.email(), Classrooms.PASSWORD).waitForPath("/teacher");
        teacherBrowser.navigation("Calendar").click();
        teacherBrowser.waitForPath("/calendar");
        Locator voicingsChip = teacherBrowser.page().locator(".calendar-chip", new Page.LocatorOptions().setHasText("Voicings"));
        assertThat(voicingsChip.first()).isVisible();
        screenshots(teacherBrowser, "teacher");

        teacherBrowser.page().setViewportSize(1280, 800);
        mode(teacherBrowser, "Month");
        voicingsChip.first().click();
        teacherBrowser.see("Take attendance").screenshot("session-details");
        teacherBrowser.page().getByText("Take attendance").click();
        teacherBrowser.waitForPath("/courses/" + course.id() + "/sessions/" + voicings + "/attendance");
        teacherBrowser.click("Mark all present");
        teacherBrowser.page().getByLabel("Attendance of Ben Moss").getByText("Late").click();
        teacherBrowser.click("Save attendance");
        teacherBrowser.see("Attendance saved: 1 present, 1 late.");
        teacherBrowser.screenshot("attendance-desktop-light");
        teacherBrowser.page().getByText("All sessions of the course").click();
        teacherBrowser.waitForPath("/courses/" + course.id() + "/attendance");
        teacherBrowser.see("1 of 1");
        teacherBrowser.screenshot("course-attendance-desktop-light");
        darkMode(teacherBrowser);
        teacherBrowser.screenshot("course-attendance-desktop-dark");
        teacherBrowser.page().setViewportSize(390, 844);
        teacherBrowser.screenshot("course-attendance-phone-dark");
        teacherBrowser.page().goBack();
        teacherBrowser.waitForPath("/courses/" + course.id() + "/sessions/" + voicings + "/attendance");
        teacherBrowser.screenshot("attendance-phone-dark");

        try (Journey studentBrowser = teacherBrowser.anotherDevice()) {
            studentBrowser.signIn(ann.email(), Classrooms.PASSWORD).waitForPath("/student");
            studentBrowser.navigation("Calendar").click();
            studentBrowser.waitForPath("/calendar");
            assertThat(studentBrowser.page().locator(".calendar-chip", new Page.LocatorOptions().setHasText("Voicings")).first()).isVisible();
            studentBrowser.screenshot("student-month");
            studentBrowser.navigation("Settings").click();
            studentBrowser.waitForPath("/settings");
            studentBrowser.click("Create feed address");
            Locator address = studentBrowser.field("Your feed address");
            assertThat(address).hasValue(Pattern.compile(".*/calendar/feed/[A-Za-z0-9_-]{43}\\.ics"));
            studentBrowser.screenshot("settings-feed");

            // A calendar app has no session: fetch the address from a browser context of its own, as it would.
            String feedUrl = studentBrowser.baseUrl() + URI.create(address.inputValue()).getRawPath();
            try (BrowserContext calendarApp = studentBrowser.page().context().browser().newContext()) {
                APIResponse feed = calendarApp.request().get(feedUrl);
                Assertions.assertThat(feed.headers().get("content-type")).startsWith("text/calendar");
                Assertions.assertThat(feed.text()).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:Voicings")
                        .contains("SUMMARY:Due: Transcribe a solo").contains("Course: Jazz piano\\, level 2");

                studentBrowser.click("Turn off");
                studentBrowser.see("The feed is off.");
                Assertions.assertThat(calendarApp.request().get(feedUrl).status()).isEqualTo(404);
            }
        }
    }

    /** Month, week and agenda at desktop and phone widths, in light and then dark. */
    private static void screenshots(Journey journey, String who) {
        for (String scheme : new String[] {"light", "dark"}) {
            if (scheme.equals("dark")) {
                darkMode(journey);
            }
            for (int width : new int[] {1280, 390}) {
                journey.page().setViewportSize(width, width == 1280 ? 800 : 844);
                for (String mode : new String[] {"Month", "Week", "Agenda"}) {
                    mode(journey, mode);
                    journey.screenshot(who + "-" + mode.toLowerCase() + "-" + (width == 1280 ? "desktop" : "phone") + "-" + scheme);
                }
            }
        }
        lightMode(journey);
    }

    /** Picks a mode and waits for the server's new rendering, so the next click hits the new elements. */
    private static void mode(Journey journey, String name) {
        journey.page().getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name)).click();
        journey.waitForVaadin();
    }

    /** Through the navbar's switch, as a person would (the headless browser starts light). */
    private static void darkMode(Journey journey) {
        journey.click("Switch between light and dark");
        assertThat(journey.page().locator("html[theme~=dark]")).hasCount(1);
    }

    private static void lightMode(Journey journey) {
        journey.click("Switch between light and dark");
        assertThat(journey.page().locator("html[theme~=dark]")).hasCount(0);
    }
}
