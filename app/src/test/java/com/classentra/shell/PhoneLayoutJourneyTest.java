package com.classentra.shell;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 11: at 390 px the grids keep what matters in view (names whole, actions in reach) and nothing runs off
 * the screen: the courses list, an assignment's roster, Settings and the email outbox.
 */
@BrowserTest
class PhoneLayoutJourneyTest {

    private static final int PHONE = 390;

    @Test
    void everyGridFitsAPhone(Journey journey) {
        Classrooms classrooms = journey.bean(Classrooms.class);
        SignedInUser teacher = classrooms.teacher("Valentina", "Castellanos-Rivera");
        CourseSummary course = classrooms.course(teacher, "Conversational Spanish for travellers, level 2");
        SignedInUser student = classrooms.student("Maximilian", "Oberhollenzer-Weissenbach");
        classrooms.enrol(student, course);
        UUID assignment = classrooms.assignment(teacher, course, "Describe your last journey", OffsetDateTime.now().plusDays(3));

        journey.page().setViewportSize(PHONE, 844);
        journey.signIn(teacher.email(), Classrooms.PASSWORD).waitForPath("/teacher");

        journey.open("/courses");
        assertThat(journey.page().locator(".phone-facts").first()).containsText("1 student");
        fitsThePhone(journey, "courses");
        journey.page().getByLabel("Actions for " + course.title()).click();
        assertThat(journey.page().getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Delete"))).isVisible();
        journey.screenshot("courses-actions-phone");
        journey.page().keyboard().press("Escape");

        journey.open("/courses/" + course.id() + "/items/" + assignment);
        assertThat(journey.page().locator(".roster vaadin-grid")).containsText("Maximilian Oberhollenzer-Weissenbach");
        fitsThePhone(journey, "roster");

        journey.open("/settings");
        // The profile comes first; the session buttons must fit the phone's width once scrolled to.
        journey.button("Sign out everywhere").scrollIntoViewIfNeeded();
        assertThat(journey.button("Sign out everywhere")).isInViewport(new com.microsoft.playwright.assertions.LocatorAssertions.IsInViewportOptions().setRatio(1));
        fitsThePhone(journey, "settings");

        try (Journey admin = journey.anotherDevice()) {
            TestAccounts.Account operator = admin.bean(TestAccounts.class).create(Role.ADMIN);
            admin.page().setViewportSize(PHONE, 844);
            admin.signIn(operator.email(), operator.password());
            admin.open("/admin/outbox");
            assertThat(admin.heading("Email outbox")).isVisible();
            fitsThePhone(admin, "outbox");
        }
    }

    /** Neither the page nor any grid scrolls sideways, in light and dark. */
    private static void fitsThePhone(Journey journey, String name) {
        journey.waitForVaadin();
        Object overflowing = journey.page().evaluate("""
                () => {
                  const wide = [];
                  if (document.documentElement.scrollWidth > window.innerWidth + 1) wide.push('page ' + document.documentElement.scrollWidth);
                  document.querySelectorAll('vaadin-grid').forEach(grid => {
                    const table = grid.shadowRoot && grid.shadowRoot.querySelector('#table');
                    if (table && table.scrollWidth > table.clientWidth + 1) wide.push('grid ' + table.scrollWidth + ' > ' + table.clientWidth);
                  });
                  return wide.join(', ');
                }""");
        org.assertj.core.api.Assertions.assertThat((String) overflowing).as(name + " at " + PHONE + " px").isEmpty();
        journey.screenshot(name + "-phone");
    }
}
