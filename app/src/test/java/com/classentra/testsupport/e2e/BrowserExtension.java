package com.classentra.testsupport.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts Playwright and Debian's Chromium once per test class, gives each test a {@link Journey} in a new
 * browser context, saves a screenshot when a test fails, and fails a test whose pages showed contrast below
 * WCAG AA ({@link Journey} checks them). Registered by {@link BrowserTest}.
 */
final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {

    /** Generous for a loaded 2-core CI machine; a missing element still fails, only later. */
    static final double TIMEOUT_MILLIS = 20_000;
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "e2e-screenshots");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MILLIS);
        context.getStore(NAMESPACE).computeIfAbsent(HeadlessChromium.class, key -> HeadlessChromium.launch(), HeadlessChromium.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        String baseUrl = "http://localhost:" + application.getEnvironment().getRequiredProperty("local.server.port");
        Browser browser = context.getStore(NAMESPACE).get(HeadlessChromium.class, HeadlessChromium.class).browser();
        // Stored in the method's store: closed (with its pages) when the test is over, after the failure screenshot.
        context.getStore(NAMESPACE).put(Journey.class, new Journey(browser, baseUrl, application, SCREENSHOTS,
                context.getRequiredTestClass().getSimpleName(), context.getRequiredTestMethod().getName()));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Journey journey = context.getStore(NAMESPACE).get(Journey.class, Journey.class);
        if (journey == null) {
            return;
        }
        if (context.getExecutionException().isPresent()) {
            journey.screenshotOnFailure();
        } else {
            journey.assertContrastMet();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Journey.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(Journey.class, Journey.class);
    }
}
