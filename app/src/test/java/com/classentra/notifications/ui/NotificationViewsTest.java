package com.classentra.notifications.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.accounts.ui.SettingsView;
import com.classentra.courses.ui.CoursesView;
import com.classentra.notifications.EmailDelivery;
import com.classentra.notifications.NotificationKind;
import com.classentra.notifications.NotificationService;
import com.classentra.platform.db.DbScope;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.SignIn;
import com.classentra.testsupport.TestAccounts;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.select.Select;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

@ClassentraTest
class NotificationViewsTest extends SpringBrowserlessTest {

    @Autowired
    NotificationService notifications;
    @Autowired
    TestAccounts accounts;
    @Autowired
    TransactionTemplate transactions;

    SignedInUser student;

    @BeforeEach
    void aSignedInStudent() {
        student = SignIn.as(accounts.principal(accounts.create(Role.STUDENT).email()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void notifyStudent(String title) {
        DbScope.user(student.id()).run(() -> transactions.executeWithoutResult(status ->
                notifications.notifyUser(student.id(), null, null, NotificationKind.GRADE_RETURNED, title, "/courses")));
    }

    @Test
    void theBellShowsTheUnreadCountAndOpensTheLatestOnes() {
        notifyStudent("Essay graded");
        notifyStudent("Quiz graded");
        navigate(NotificationsView.class);

        NotificationBell bell = find(NotificationBell.class).single();
        Span badge = find(Span.class, bell).withClassName("notification-badge").single();
        assertThat(badge.getText()).isEqualTo("2");
        Button button = find(Button.class, bell).withAttribute("aria-label", "Notifications, 2 unread").single();

        test(button).click();
        assertThat(find(Popover.class, bell).single().isOpened()).isTrue();
        var items = find(NotificationItem.class, bell).all();
        assertThat(items).extracting(i -> i.notification().title()).containsExactly("Quiz graded", "Essay graded");
        assertThat(items).allMatch(i -> i.hasClassName("unread"));

        test(items.getFirst()).click();
        assertThat(getCurrentView()).isInstanceOf(CoursesView.class);
        assertThat(notifications.unreadCount(student)).isEqualTo(1);
    }

    @Test
    void markAllReadEmptiesTheBadge() {
        notifyStudent("Essay graded");
        navigate(NotificationsView.class);
        NotificationBell bell = find(NotificationBell.class).single();
        test(find(Button.class, bell).withAttribute("aria-label", "Notifications, 1 unread").single()).click();

        test(find(Button.class, bell).withText("Mark all read").single()).click();

        assertThat(find(Span.class, bell).withClassName("notification-badge").exists()).as("badge visible").isFalse();
        assertThat(find(Button.class, bell).withAttribute("aria-label", "Notifications").exists()).isTrue();
        assertThat(find(NotificationItem.class, bell).single().hasClassName("read")).isTrue();
        assertThat(notifications.unreadCount(student)).isZero();
    }

    @Test
    void theNotificationsPageListsEverythingAPageAtATime() {
        for (int i = 1; i <= NotificationsView.PAGE_SIZE + 3; i++) {
            notifyStudent("Grade " + i);
        }
        NotificationsView view = navigate(NotificationsView.class);

        assertThat(find(NotificationItem.class, view).all()).hasSize(NotificationsView.PAGE_SIZE)
                .first().satisfies(i -> assertThat(i.notification().title()).isEqualTo("Grade 23"));
        assertThat(find(Span.class, view).withText("Page 1 of 2").exists()).isTrue();
        test(find(Button.class, view).withText("Older").single()).click();
        assertThat(find(NotificationItem.class, view).all()).extracting(i -> i.notification().title())
                .containsExactly("Grade 3", "Grade 2", "Grade 1");

        test(find(Button.class, view).withText("Mark all read").single()).click();
        assertThat(notifications.unreadCount(student)).isZero();
        assertThat(find(NotificationItem.class, view).all()).allMatch(i -> i.hasClassName("read"));
    }

    @Test
    void withoutNotificationsThePageSaysWhatWillAppear() {
        NotificationsView view = navigate(NotificationsView.class);
        assertThat(find(NotificationItem.class, view).exists()).isFalse();
        assertThat(find(com.vaadin.flow.component.html.H2.class, view).withText("No notifications yet").exists()).isTrue();
    }

    @Test
    void settingsChooseTheEmailDeliveryPerKind() {
        navigate(SettingsView.class);
        @SuppressWarnings("unchecked")
        Select<EmailDelivery> grades = find(Select.class).withCaption("Returned grades").single();
        assertThat(grades.getValue()).isEqualTo(EmailDelivery.IMMEDIATE);
        assertThat(find(Select.class).withCaption("Student submissions").exists()).as("a teacher's kind").isFalse();

        test(grades).selectItem("Daily digest");

        assertThat(notifications.emailPreferences(student)).containsEntry(NotificationKind.GRADE_RETURNED, EmailDelivery.DIGEST)
                .containsEntry(NotificationKind.ANNOUNCEMENT, EmailDelivery.IMMEDIATE);
    }
}
