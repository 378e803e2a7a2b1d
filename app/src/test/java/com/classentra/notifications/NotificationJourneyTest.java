package com.classentra.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.accounts.AccountService;
import com.classentra.accounts.AgeGroup;
import com.classentra.accounts.SignUpForm;
import com.classentra.courses.CourseForm;
import com.classentra.courses.CourseForm.Visibility;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.db.DbScope;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.TestAccounts.Account;
import com.classentra.testsupport.TestOrigins;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** A teacher posts while a student has the app open: the student's bell counts up without a reload. */
@BrowserTest
class NotificationJourneyTest {

    @Test
    void aTeachersAnnouncementReachesTheStudentsOpenBell(Journey student) {
        TestAccounts accounts = student.bean(TestAccounts.class);
        String teacherEmail = "teacher-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        student.bean(AccountService.class).signUp(new SignUpForm(true, "Ines", "Rossi", null, teacherEmail, "quiet river lantern", true,
                Locale.ENGLISH, AgeGroup.SIXTEEN_OR_OLDER), TestOrigins.fresh());
        accounts.completeOnboarding(teacherEmail);
        SignedInUser teacher = accounts.principal(teacherEmail);
        CourseService courses = student.bean(CourseService.class);
        CourseSummary course = courses.create(teacher, new CourseForm("Jazz piano, level 2", "", null, null, Visibility.PRIVATE)).course();
        Account account = accounts.create(Role.STUDENT);
        courses.join(accounts.principal(account.email()), course.joinCode(), TestOrigins.fresh().clientAddress());

        List<String> sockets = new CopyOnWriteArrayList<>();
        List<String> refused = new CopyOnWriteArrayList<>();
        student.page().onWebSocket(socket -> sockets.add(socket.url()));
        student.page().onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(message.text());
            }
        });
        student.signIn(account.email(), account.password()).waitForPath("/student");
        assertThat(student.button("Notifications")).isVisible();

        announce(student, teacher, course, NotificationKind.NEW_WORK, "New assignment: transcribe a chorus");
        assertThat(student.button("Notifications, 1 unread")).isVisible();
        assertThat(sockets).as("push connection").anyMatch(url -> url.contains("/VAADIN/push"));
        assertThat(refused).as("CSP violations").isEmpty();
        announce(student, teacher, course, NotificationKind.ANNOUNCEMENT, "Thursday's session moves to 18:30");
        announce(student, teacher, course, NotificationKind.GRADE_RETURNED, "Your comping exercise was graded");
        assertThat(student.button("Notifications, 3 unread")).isVisible();

        student.click("Notifications, 3 unread");
        assertThat(student.page().locator(".notification-item").first()).isVisible();
        student.screenshotsEverywhere("bell");

        student.page().locator(".notification-item").first().click();
        student.waitForPath("/courses");
        assertThat(student.button("Notifications, 2 unread")).isVisible();

        student.open("/notifications");
        student.see("Your comping exercise was graded");
        student.screenshotsEverywhere("page");

        student.open("/settings");
        student.page().locator(".notification-settings").scrollIntoViewIfNeeded();
        student.screenshot("settings");
    }

    private static void announce(Journey journey, SignedInUser teacher, CourseSummary course, NotificationKind kind, String title) {
        DbScope.tenant(teacher.tenantId(), teacher.id()).run(() -> journey.bean(TransactionTemplate.class).executeWithoutResult(status ->
                journey.bean(NotificationService.class).notifyCourseStudents(teacher.tenantId(), course.id(), kind, title, "/courses")));
    }
}
