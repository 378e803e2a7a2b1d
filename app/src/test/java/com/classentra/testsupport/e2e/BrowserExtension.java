package com.classentra.testsupport.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    /** Debian's package; -Dclassentra.chromium=/path points elsewhere (another machine's Chromium or Chrome). */
    static final Path CHROMIUM = Path.of(System.getProperty("classentra.chromium", "/usr/bin/chromium"));
    /**
     * What this machine needs: no sandbox (root), no GPU, and no calls home (the network is closed, so
     * background requests would only fail). Playwright adds a new temporary --user-data-dir on every launch
     * and refuses one in these arguments, so each browser starts on a fresh profile.
     */
    static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");
    /** Generous for a loaded 2-core CI machine; a missing element still fails, only later. */
    static final double TIMEOUT_MILLIS = 20_000;
    static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "."), "target", "e2e-screenshots");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserExtension.class);

    /** Playwright's driver process and the browser; the class's store closes them after its last test. */
    private record Chromium(Playwright playwright, Browser browser) implements AutoCloseable {

        static Chromium launch() {
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM + " (apt-get install chromium), "
                        + "or skip them with -Dclassentra.excludedTestGroups=browser");
            }
            // The variable is also set for the whole test JVM by surefire; set here too for runs from an IDE.
            Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            try {
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM).setHeadless(true).setChromiumSandbox(false).setArgs(CHROMIUM_ARGS));
                return new Chromium(playwright, browser);
            } catch (RuntimeException e) {
                playwright.close();
                throw e;
            }
        }

        @Override
        public void close() {
            browser.close();
            playwright.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MILLIS);
        context.getStore(NAMESPACE).computeIfAbsent(Chromium.class, key -> Chromium.launch(), Chromium.class);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        String baseUrl = "http://localhost:" + application.getEnvironment().getRequiredProperty("local.server.port");
        Browser browser = context.getStore(NAMESPACE).get(Chromium.class, Chromium.class).browser();
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
