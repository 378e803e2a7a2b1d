package com.classentra.testsupport.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Playwright's driver process and Debian's Chromium, headless, as the browser tests and benchmarks drive them. */
public record HeadlessChromium(Playwright playwright, Browser browser) implements AutoCloseable {

    /** Debian's package; -Dclassentra.chromium=/path points elsewhere (another machine's Chromium or Chrome). */
    public static final Path CHROMIUM = Path.of(System.getProperty("classentra.chromium", "/usr/bin/chromium"));
    /**
     * What this machine needs: no sandbox (root), no GPU, and no calls home (the network is closed, so
     * background requests would only fail). Playwright adds a new temporary --user-data-dir on every launch
     * and refuses one in these arguments, so each browser starts on a fresh profile.
     */
    public static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    public static HeadlessChromium launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM + " (apt-get install chromium), "
                    + "or skip them with -Dclassentra.excludedTestGroups=browser");
        }
        // The variable is also set for the whole test JVM by surefire; set here too for runs from an IDE.
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM).setHeadless(true).setChromiumSandbox(false).setArgs(CHROMIUM_ARGS));
            return new HeadlessChromium(playwright, browser);
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
