package com.classentra.files;

import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static com.classentra.db.jooq.Tables.STORED_FILE;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestFiles;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Attachments as a teacher's browser sends them, and as a client that ignores the browser's limits sends them straight
 * to the upload address: the server keeps the limits, shows refusals as refusals and leaves nothing on disk.
 */
@BrowserTest
class UploadJourneyTest {

    @Test
    void aRefusedFileShowsAsFailedAndKeepsTheItemFromBeingPostedUntilItIsRemoved(Journey browser) throws IOException {
        List<Path> before = staged(browser);
        openNewMaterial(browser, "Counterpoint", "Reading list");

        attach(browser, pdf("notes.pdf", TestFiles.HTML), pdf("sheet.pdf", TestFiles.PDF));
        assertThat(doneIcon(browser, "sheet.pdf")).isVisible();
        assertThat(row(browser, "notes.pdf").locator("[part=error]")).hasText("Not accepted: see why below");
        assertThat(doneIcon(browser, "notes.pdf")).isHidden();
        browser.see("notes.pdf is not a file type we accept (text/html). Upload a PDF, an office document, an image, text, audio or video.");
        browser.screenshot("refused-file");

        browser.click("Post");
        assertThat(browser.page().locator(".field-error")).containsText("Remove the files that were not accepted from the list, or replace them");
        Assertions.assertThat(browser.bean(PlatformSql.class).count(COURSE_ITEM, COURSE_ITEM.TITLE.eq("Reading list"))).isZero();

        row(browser, "notes.pdf").locator("[part=remove-button]").click();
        browser.click("Post");
        browser.see("Reading list");
        PlatformSql platform = browser.bean(PlatformSql.class);
        UUID item = platform.value(COURSE_ITEM.ID, COURSE_ITEM.TITLE.eq("Reading list"));
        List<String> attached = platform.call(sql -> sql.select(STORED_FILE.FILENAME).from(STORED_FILE).where(STORED_FILE.ITEM_ID.eq(item))
                .fetch(STORED_FILE.FILENAME));
        Assertions.assertThat(attached).containsExactly("sheet.pdf");
        Assertions.assertThat(staged(browser)).isEqualTo(before);
    }

    @Test
    void removingAFileFromTheListOrClosingTheFormDiscardsWhatWasStaged(Journey browser) throws IOException {
        List<Path> before = staged(browser);
        openNewMaterial(browser, "Fugue", "Subjects");
        attach(browser, pdf("subject.pdf", TestFiles.PDF), pdf("answer.pdf", TestFiles.PDF));
        assertThat(doneIcon(browser, "subject.pdf")).isVisible();
        assertThat(doneIcon(browser, "answer.pdf")).isVisible();
        Assertions.assertThat(staged(browser)).hasSize(before.size() + 2);

        row(browser, "answer.pdf").locator("[part=remove-button]").click();
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Assertions.assertThat(staged(browser)).hasSize(before.size() + 1));
        browser.click("Cancel");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Assertions.assertThat(staged(browser)).isEqualTo(before));
    }

    @Test
    void uploadsPastTheLimitsStraightToTheUploadAddressAreRefusedWithAReasonAndLeaveNothingOnDisk(Journey browser) throws Exception {
        List<Path> before = staged(browser);
        openNewMaterial(browser, "Canon", "Rounds");
        UploadAddress address = new UploadAddress(HttpClient.newHttpClient(),
                URI.create(browser.baseUrl() + "/" + browser.page().locator("vaadin-upload").getAttribute("target")),
                browser.page().context().cookies().stream().map(c -> c.name + "=" + c.value).collect(Collectors.joining("; ")));
        long limit = browser.bean(UploadRules.class).maxBytes();

        // A sender that does not say how much it sends and does not stop: the server stops reading just past the limit
        // (what the sender counts also holds the container's swallowing of a refused body and the socket buffers).
        TestFiles.Sender endless = new TestFiles.Sender(4 * limit);
        HttpResponse<String> streamed = address.send("endless.pdf", "application/pdf", HttpRequest.BodyPublishers.ofInputStream(() -> endless));
        Assertions.assertThat(streamed.statusCode()).isEqualTo(422);
        Assertions.assertThat(streamed.body()).contains("endless.pdf is larger than 25 MB.").doesNotContain("Exception");
        Assertions.assertThat(endless.taken()).isLessThan(2 * limit);

        // A sender that says it sends too much is refused before a byte is read.
        TestFiles.Sender declared = new TestFiles.Sender(limit + 1);
        HttpResponse<String> announced = address.send("declared.pdf", "application/pdf",
                HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> declared), limit + 1));
        Assertions.assertThat(announced.statusCode()).isEqualTo(422);
        Assertions.assertThat(announced.body()).contains("declared.pdf is larger than 25 MB.");

        // A multipart body, which the servlet container parses before any handler runs, is cut off by Spring's multipart
        // limit (1 MB a part) while it arrives. The container then closes the connection, so the body of its 413 may be
        // lost to a sender that is still sending; the status line arrives first.
        TestFiles.Sender part = new TestFiles.Sender(4 * limit);
        String boundary = "classentra-test-boundary";
        InputStream multipart = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"part.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII)),
                part, new ByteArrayInputStream(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII)))));
        AtomicInteger status = new AtomicInteger();
        try {
            address.http().send(address.request(null, "multipart/form-data; boundary=" + boundary,
                    HttpRequest.BodyPublishers.ofInputStream(() -> multipart)), answer -> {
                        status.set(answer.statusCode());
                        return HttpResponse.BodySubscribers.discarding();
                    });
        } catch (IOException cutOff) {
            // the connection closed under the answer's body
        }
        Assertions.assertThat(status.get()).isEqualTo(413);
        Assertions.assertThat(part.taken()).isLessThan(2 * limit);
        Assertions.assertThat(staged(browser)).isEqualTo(before);

        // The form holds ten files; the eleventh is refused before it is read, and closing the form discards the ten.
        for (int i = 1; i <= 10; i++) {
            Assertions.assertThat(address.send("part-" + i + ".pdf", "application/pdf", HttpRequest.BodyPublishers.ofByteArray(TestFiles.PDF))
                    .statusCode()).isEqualTo(200);
        }
        HttpResponse<String> eleventh = address.send("part-11.pdf", "application/pdf", HttpRequest.BodyPublishers.ofByteArray(TestFiles.PDF));
        Assertions.assertThat(eleventh.statusCode()).isEqualTo(422);
        Assertions.assertThat(eleventh.body()).contains("part-11.pdf was not added: attach at most 10 files at a time.");
        Assertions.assertThat(staged(browser)).hasSize(before.size() + 10);
        browser.click("Cancel");
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Assertions.assertThat(staged(browser)).isEqualTo(before));
    }

    /** The upload address of an Upload on the browser's page, posted to with the browser's session like the page does. */
    private record UploadAddress(HttpClient http, URI target, String cookies) {

        HttpRequest request(String filename, String contentType, HttpRequest.BodyPublisher body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).header("Cookie", cookies).header("Content-Type", contentType).POST(body);
            return filename == null ? request.build() : request.header("X-Filename", filename).build();
        }

        HttpResponse<String> send(String filename, String contentType, HttpRequest.BodyPublisher body) throws IOException, InterruptedException {
            return http.send(request(filename, contentType, body), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A new teacher with a new course signs in and starts posting a material with this title. */
    private static void openNewMaterial(Journey browser, String courseTitle, String title) {
        SignedInUser teacher = browser.bean(Classrooms.class).teacher("Ada", "Lovelace");
        CourseSummary course = browser.bean(Classrooms.class).course(teacher, courseTitle);
        browser.signIn(teacher.email(), Classrooms.PASSWORD).waitForPath("/teacher");
        browser.open("/courses/" + course.id());
        browser.page().locator("vaadin-menu-bar-button").filter(new Locator.FilterOptions().setHasText("Post")).click();
        browser.page().locator("vaadin-menu-bar-item").filter(new Locator.FilterOptions().setHasText("Material")).click();
        browser.fill("Title", title);
    }

    private static FilePayload pdf(String filename, byte[] content) {
        return new FilePayload(filename, "application/pdf", content);
    }

    /** Picks the files in the form's upload, as a person would in the file chooser. */
    private static void attach(Journey browser, FilePayload... files) {
        browser.page().locator("vaadin-upload input[type=file]").setInputFiles(files);
    }

    /** The green check the list shows by a file the server took. */
    private static Locator doneIcon(Journey browser, String filename) {
        return row(browser, filename).locator("[part=done-icon]");
    }

    private static Locator row(Journey browser, String filename) {
        return browser.page().locator("vaadin-upload-file").filter(new Locator.FilterOptions().setHasText(filename));
    }

    private static List<Path> staged(Journey browser) throws IOException {
        try (Stream<Path> files = Files.list(browser.bean(UploadStaging.class).directory())) {
            return files.sorted().toList();
        }
    }
}
