package com.classentra.testsupport.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.testsupport.TestOrigins;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;

/**
 * One test's browser session: a fresh context (no cookies) at 1280x800 with one page, the application's
 * address, Vaadin-aware helpers, screenshots and the local mailbox. Everything Playwright offers is on
 * {@link #page()}; locators and {@code PlaywrightAssertions.assertThat} wait by themselves, so journeys never
 * sleep. Every page it opens or arrives at, and every screenshot, is checked for contrast ({@link ContrastAudit});
 * the test fails at its end if any check found a failure, listing them all.
 */
public final class Journey implements AutoCloseable {

    /**
     * True when no Vaadin client has a server round trip in flight; at once on a page Vaadin does not serve (no outlet
     * for its views), such as an error page written outside its router.
     */
    private static final String VAADIN_IDLE = """
            () => { if (!document.getElementById('outlet')) return true;
                    const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                    return !!clients && Object.values(clients).every(c => !c.isActive || !c.isActive()); }""";

    private final BrowserContext context;
    private final Page page;
    private final String baseUrl;
    private final ApplicationContext application;
    private final Path screenshots;
    private final String testClass;
    private final String testMethod;
    /** Each contrast failure found, with the paths and screenshots where it showed; shared with other devices. */
    private final Map<String, Set<String>> contrastFailures;
    /** This test's devices, the first one included: each is photographed when the test fails. */
    private final List<Journey> devices;

    Journey(Browser browser, String baseUrl, ApplicationContext application, Path screenshots, String testClass, String testMethod) {
        this(browser, baseUrl, application, screenshots, testClass, testMethod, new LinkedHashMap<>(), new ArrayList<>());
    }

    private Journey(Browser browser, String baseUrl, ApplicationContext application, Path screenshots, String testClass,
            String testMethod, Map<String, Set<String>> contrastFailures, List<Journey> devices) {
        // Each device comes from an address of its own (the server trusts X-Forwarded-For from this machine), as people
        // do: per-address limits then count one journey's requests, never those of every journey the suite ran before.
        this.context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setBaseURL(baseUrl).setLocale("en-GB")
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", TestOrigins.fresh().clientAddress())));
        this.context.setDefaultTimeout(BrowserExtension.TIMEOUT_MILLIS);
        this.page = context.newPage();
        this.baseUrl = baseUrl;
        this.application = application;
        this.screenshots = screenshots;
        this.testClass = testClass;
        this.testMethod = testMethod;
        this.contrastFailures = contrastFailures;
        this.devices = devices;
        devices.add(this);
    }

    /** A second, independent browser session (another device of the same person) for this test. */
    public Journey anotherDevice() {
        return new Journey(context.browser(), baseUrl(), application, screenshots, testClass, testMethod + "-other-" + devices.size(),
                contrastFailures, devices);
    }

    public Page page() {
        return page;
    }

    /** The application's own address, such as {@code http://localhost:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** A bean of the application under test, e.g. to read a one-time link or to prepare data. */
    public <T> T bean(Class<T> type) {
        return application.getBean(type);
    }

    /**
     * Opens a path of the application, or a link the application produced (setup link, link in an email):
     * links carry the configured public URL, so only their path and query are kept and opened on this server.
     */
    public Journey open(String pathOrLink) {
        page.navigate(url(pathOrLink));
        waitForVaadin();
        checkContrast(path());
        return this;
    }

    String url(String pathOrLink) {
        if (!pathOrLink.startsWith("http://") && !pathOrLink.startsWith("https://")) {
            return baseUrl + (pathOrLink.startsWith("/") ? "" : "/") + pathOrLink;
        }
        URI link = URI.create(pathOrLink);
        return baseUrl + link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery());
    }

    /** Waits until the browser shows this path (query ignored), e.g. after a redirect or a server-side navigation. */
    public Journey waitForPath(String path) {
        page.waitForURL(Pattern.compile("^" + Pattern.quote(baseUrl + path) + "(\\?.*)?(#.*)?$"));
        waitForVaadin();
        checkContrast(path());
        return this;
    }

    /** The path the browser shows now, without query. */
    public String path() {
        return URI.create(page.url()).getRawPath();
    }

    /** Waits for Vaadin to have booted and to have no server round trip in flight. */
    public Journey waitForVaadin() {
        page.waitForFunction(VAADIN_IDLE);
        return this;
    }

    /**
     * A form field by its exact label: Vaadin 25's fields (vaadin-text-field, -email-field, -password-field,
     * the login form's) tie their label to the native input, so this is the input itself.
     */
    public Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** Types into a field and leaves it, so Vaadin's value-change (sent on "change") reaches the server. */
    public Journey fill(String label, String value) {
        Locator field = field(label);
        field.fill(value);
        field.blur();
        return this;
    }

    /** A button by its exact accessible name (its text, or its aria-label for icon buttons). */
    public Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    public Journey click(String buttonName) {
        button(buttonName).click();
        return this;
    }

    /** A heading by its exact text; {@code assertThat(journey.heading("...")).isVisible()} waits for a view. */
    public Locator heading(String text) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(text).setExact(true));
    }

    /** Waits until some element shows exactly this text (fails the test after the timeout). */
    public Journey see(String text) {
        assertThat(page.getByText(text, new Page.GetByTextOptions().setExact(true)).first()).isVisible();
        return this;
    }

    /** An entry of the drawer's navigation (SideNav) by its exact label. */
    public Locator navigation(String label) {
        return page.locator("vaadin-side-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(label).setExact(true));
    }

    /** Signs in through the sign-in form at /login (opens it first); the caller waits for where it leads. */
    public Journey signIn(String email, String password) {
        open("/login");
        fill("Email", email);
        fill("Password", password);
        click("Log in");
        return this;
    }

    /** The local mailbox of the application under test (email-local provider). */
    public Mailbox mailbox() {
        return new Mailbox(application);
    }

    /**
     * Saves what the page shows now as {@code target/e2e-screenshots/<TestClass>-<name>.png}, for people to
     * look at (nothing compares pixels), and checks its contrast. Waits for Vaadin to settle first.
     */
    public Journey screenshot(String name) {
        waitForVaadin();
        String file = testClass + "-" + name;
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(file + ".png")).setAnimations(ScreenshotAnimations.DISABLED));
        checkContrast(file);
        return this;
    }

    /** Notes each contrast failure on the page now, with where it was seen (a path or a screenshot). */
    private void checkContrast(String where) {
        List<String> failures;
        try {
            failures = settledFailures();
        } catch (PlaywrightException e) {
            if (!String.valueOf(e.getMessage()).contains("Execution context was destroyed")) {
                throw e;
            }
            // The page navigated on its own while it was read (a link that redirects): read the page it arrived at.
            waitForVaadin();
            failures = settledFailures();
        }
        for (String failure : failures) {
            contrastFailures.computeIfAbsent(failure, key -> new LinkedHashSet<>()).add(where);
        }
    }

    /**
     * The contrast failures once the page has settled. An overlay still fading in (a dialog opened on arrival) has
     * colours of no frame the person reads: two frames let an overlay the last response attached start its animation,
     * then the audit waits for Vaadin's opening and closing states and every animation to end.
     */
    private List<String> settledFailures() {
        page.evaluate("() => new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame)))");
        page.waitForFunction("() => !document.querySelector('[opening], [closing]')");
        page.evaluate("() => Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null)))");
        return ContrastAudit.failures(page);
    }

    /** The page at desktop and phone widths, light and dark: {@code <name>-desktop-light}, ..., then back to desktop light. */
    public Journey screenshotsEverywhere(String name) {
        for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
            String suffix = scheme == ColorScheme.LIGHT ? "light" : "dark";
            page.setViewportSize(1280, 800);
            screenshot(name + "-desktop-" + suffix);
            page.setViewportSize(390, 844);
            screenshot(name + "-phone-" + suffix);
        }
        page.setViewportSize(1280, 800);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        return this;
    }

    /** Fails with every contrast failure the test's pages showed, each with the paths and screenshots where it showed. */
    void assertContrastMet() {
        if (contrastFailures.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(contrastFailures.size() + " element(s) below WCAG AA contrast:");
        contrastFailures.forEach((failure, files) -> message.append("\n  ").append(failure).append("\n      in ").append(String.join(", ", files)));
        throw new AssertionError(message);
    }

    /** What each of the test's devices showed when it failed: {@code <Test>-<method>[-other-N]-FAILED.png}. */
    void screenshotOnFailure() {
        for (Journey device : devices) {
            try {
                device.page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(testClass + "-" + device.testMethod + "-FAILED.png")));
            } catch (PlaywrightException e) {
                // the page may be what failed (crashed, closed); the test's own error is the one that matters
            }
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
