package com.classentra.dashboard;

import static com.classentra.db.jooq.Tables.APP_USER;

import com.classentra.classwork.ClassworkService;
import com.classentra.classwork.CourseItem;
import com.classentra.classwork.ItemForm;
import com.classentra.classwork.GradingScale;
import com.classentra.classwork.LatePolicy;
import com.classentra.classwork.ItemKind;
import com.classentra.courses.CourseSummary;
import com.classentra.grading.GradeForm;
import com.classentra.grading.GradingService;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Both dashboards with real content, photographed on a desktop and a phone, light and dark, for people to look at. */
@BrowserTest
class DashboardJourneyTest {

    private final Instant now = Instant.now();
    /** Sessions at fixed hours of today (UTC, the browser's zone here), so they are "today" whenever the test runs. */
    private final Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Test
    void teacherAndStudentDashboardsShowTheirClasswork(Journey teacher) {
        Classrooms classrooms = teacher.bean(Classrooms.class);
        ClassworkService classwork = teacher.bean(ClassworkService.class);
        GradingService grading = teacher.bean(GradingService.class);
        Account teacherAccount = classrooms.teacherAccount();
        name(teacher, teacherAccount.id(), "Ines", "Rossi");
        SignedInUser ines = teacher.bean(TestAccounts.class).principal(teacherAccount.email());
        Account studentAccount = teacher.bean(TestAccounts.class).create(SignedInUser.Role.STUDENT);
        name(teacher, studentAccount.id(), "Ana", "Costa");
        SignedInUser ana = teacher.bean(TestAccounts.class).principal(studentAccount.email());
        SignedInUser ben = student(teacher, classrooms, "Ben", "Okafor");
        SignedInUser chloe = student(teacher, classrooms, "Chloé", "Martin");

        CourseSummary piano = classrooms.course(ines, "Jazz piano, level 2");
        CourseSummary harmony = classrooms.course(ines, "Harmony for songwriters");
        classrooms.course(ines, "Summer workshop");
        for (SignedInUser student : List.of(ana, ben, chloe)) {
            classrooms.enrol(student, piano);
            classrooms.enrol(student, harmony);
        }
        session(classwork, ines, piano, "Voicings, live", today.plus(Duration.ofHours(9)), "https://meet.google.com/abc-defg-hij");
        session(classwork, ines, harmony, "Secondary dominants Q&A", today.plus(Duration.ofHours(17).plusMinutes(30)), null);
        CourseItem transcription = assignment(classwork, ines, piano, "Transcribe a Bill Evans solo", now.minus(Duration.ofDays(2)));
        CourseItem comping = assignment(classwork, ines, piano, "Record a comping track", now.plus(Duration.ofDays(3)));
        CourseItem cadences = assignment(classwork, ines, harmony, "Write four cadences", now.plus(Duration.ofDays(6)));
        assignment(classwork, ines, harmony, "Analyse a standard", now.minus(Duration.ofDays(1)));
        turnIn(classwork, ben, piano, transcription);
        turnIn(classwork, chloe, piano, transcription);
        turnIn(classwork, ana, harmony, cadences);
        turnIn(classwork, ben, piano, comping);
        turnIn(classwork, ana, piano, transcription);
        grading.grade(ines, piano.id(), transcription.id(), ana.id(), new GradeForm(new BigDecimal("8.5"), null, "<p>Lovely phrasing.</p>", true, null));
        turnIn(classwork, ana, piano, transcription);
        grading.grade(ines, harmony.id(), cadences.id(), ana.id(), new GradeForm(new BigDecimal("9"), null, "<p>Clean voice leading.</p>", true, null));
        classwork.save(ines, piano.id(), null, new ItemForm(ItemKind.ANNOUNCEMENT, "Bring headphones on Thursday", "", true, null, null, null,
                null, null, null, null, null, null, null), List.of());

        teacher.signIn(teacherAccount.email(), teacherAccount.password()).waitForPath("/teacher");
        teacher.see("Work to grade").see("Ben Okafor · Transcribe a Bill Evans solo").see("Join");
        photograph(teacher, "teacher");

        try (Journey student = teacher.anotherDevice()) {
            student.signIn(studentAccount.email(), studentAccount.password()).waitForPath("/student");
            student.see("Upcoming deadlines").see("Record a comping track").see("Missing").see("9 / 10");
            photograph(student, "student");
        }
    }

    /** The layout scrolls inside the page, so each shot uses a viewport as tall as the dashboard to show all of it. */
    private static void photograph(Journey journey, String who) {
        Page page = journey.page();
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            String suffix = scheme == ColorScheme.LIGHT ? "light" : "dark";
            for (int width : List.of(1280, 390)) {
                page.setViewportSize(width, 800);
                journey.waitForVaadin();
                int height = ((Number) page.evaluate("() => { const main = document.querySelector('main.dashboard');"
                        + " return Math.ceil(main.getBoundingClientRect().top + main.scrollHeight); }")).intValue();
                page.setViewportSize(width, Math.max(800, height));
                journey.screenshot(who + (width == 1280 ? "-desktop-" : "-phone-") + suffix);
            }
        }
    }

    private static void name(Journey journey, UUID id, String first, String last) {
        journey.bean(PlatformSql.class).call(sql -> sql.update(APP_USER).set(APP_USER.FIRST_NAME, first).set(APP_USER.LAST_NAME, last)
                .where(APP_USER.ID.eq(id)).execute());
    }

    private static SignedInUser student(Journey journey, Classrooms classrooms, String first, String last) {
        SignedInUser student = classrooms.student();
        name(journey, student.id(), first, last);
        return student;
    }

    private static void session(ClassworkService classwork, SignedInUser teacher, CourseSummary course, String title, Instant start, String meetingUrl) {
        classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.SESSION, title, "", true, null, null, null, null, null, start, 60,
                meetingUrl, null, null), List.of());
    }

    private static CourseItem assignment(ClassworkService classwork, SignedInUser teacher, CourseSummary course, String title, Instant due) {
        return classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.ASSIGNMENT, title, "", true, due, BigDecimal.TEN,
                GradingScale.POINTS, LatePolicy.ACCEPT, null, null, null, null, null, null), List.of()).item();
    }

    private static void turnIn(ClassworkService classwork, SignedInUser student, CourseSummary course, CourseItem assignment) {
        classwork.turnIn(student, course.id(), assignment.id(), "<p>Here it is.</p>", List.of());
    }
}
