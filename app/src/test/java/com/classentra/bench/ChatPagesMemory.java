package com.classentra.bench;

import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.e2e.HeadlessChromium;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What an open chat page costs the server: a student signs in with Chromium and opens the same channel in one tab after
 * another; the heap in use after a full collection, before and after, divided by the tabs. Each tab is a Vaadin UI with
 * its component tree (the latest page of messages), its push connection and its feed subscription.
 */
final class ChatPagesMemory {

    private static final int TABS = 40;

    private ChatPagesMemory() {
    }

    static void measure(ConfigurableApplicationContext node, String url, UUID tenant, UUID course, UUID channel) throws Exception {
        TestAccounts.Account student = node.getBean(TestAccounts.class).create(Role.STUDENT);
        try (Connection db = DriverManager.getConnection(url, BenchApplication.owner(), "");
                Statement sql = db.createStatement()) {
            sql.execute("SET app.platform_scope = 'on'");
            sql.execute("INSERT INTO enrolment (tenant_id, course_id, student_id) VALUES ('" + tenant + "', '" + course + "', '" + student.id() + "')");
        }
        String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
        try (HeadlessChromium chromium = HeadlessChromium.launch();
                BrowserContext browser = chromium.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL(base))) {
            Page first = browser.newPage();
            first.navigate("/login");
            first.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).fill(student.email());
            first.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(student.password());
            first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            first.waitForURL(address -> !address.contains("/login"));
            String chat = "/courses/" + course + "/chat?channel=" + channel;
            open(first, chat);
            long before = heapAfterCollection();
            List<Page> tabs = new ArrayList<>();
            for (int i = 0; i < TABS; i++) {
                Page tab = browser.newPage();
                open(tab, chat);
                tabs.add(tab);
            }
            long after = heapAfterCollection();
            System.out.println("| open chat pages | heap before | heap after | per page |");
            System.out.println("|---:|---:|---:|---:|");
            System.out.printf("| %d | %.1f MB | %.1f MB | %.0f kB |%n", TABS, before / 1e6, after / 1e6, (after - before) / 1e3 / TABS);
            tabs.forEach(Page::close);
        }
    }

    private static void open(Page tab, String chat) {
        tab.navigate(chat);
        tab.locator(".chat-message").first().waitFor();
    }

    private static long heapAfterCollection() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
