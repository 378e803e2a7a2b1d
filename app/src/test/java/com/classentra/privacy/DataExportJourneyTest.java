package com.classentra.privacy;

import static com.classentra.db.jooq.Tables.STORED_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.storage.ObjectStore;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.e2e.BrowserTest;
import com.classentra.testsupport.e2e.Journey;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Issue 12: a student asks for their data in Settings, watches it being made, downloads it and finds their turn-in. */
@BrowserTest
class DataExportJourneyTest {

    @Test
    void aStudentDownloadsTheirDataAndFindsTheirTurnIn(Journey student) throws Exception {
        Classrooms classrooms = student.bean(Classrooms.class);
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        CourseSummary course = classrooms.course(teacher, "Counterpoint");
        SignedInUser learner = classrooms.student("Luca", "Moretti");
        classrooms.enrol(learner, course);
        UUID assignment = classrooms.assignment(teacher, course, "Two-part invention", OffsetDateTime.now().plusDays(2));
        byte[] turnIn = "Invention in C, bars 1-8".getBytes(StandardCharsets.UTF_8);
        UUID file = UUID.randomUUID();
        student.bean(ObjectStore.class).put("journey/" + file, new ByteArrayInputStream(turnIn), turnIn.length, "text/plain");
        student.bean(PlatformSql.class).call(sql -> sql.insertInto(STORED_FILE).set(STORED_FILE.ID, file).set(STORED_FILE.TENANT_ID, teacher.tenantId())
                .set(STORED_FILE.COURSE_ID, course.id()).set(STORED_FILE.ITEM_ID, assignment).set(STORED_FILE.UPLOADED_BY, learner.id())
                .set(STORED_FILE.STORAGE_KEY, "journey/" + file).set(STORED_FILE.FILENAME, "invention.txt").set(STORED_FILE.CONTENT_TYPE, "text/plain")
                .set(STORED_FILE.SIZE_BYTES, (long) turnIn.length).set(STORED_FILE.SHA256, "00").execute());

        student.signIn(learner.email(), Classrooms.PASSWORD).waitForPath("/student");
        student.open("/settings");
        student.see("Profile").screenshotsEverywhere("settings-profile");
        student.see("Your data");
        student.page().locator("h2", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Your data")).scrollIntoViewIfNeeded();
        student.screenshotsEverywhere("your-data");
        student.click("Download my data");
        // The build job runs every few seconds; the section follows it without a reload.
        Locator ready = student.page().locator(".settings-section a.primary-link");
        PlaywrightAssertions.assertThat(ready).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        ready.scrollIntoViewIfNeeded();
        student.screenshotsEverywhere("your-data-ready");

        Download download = student.page().waitForDownload(ready::click);
        Map<String, byte[]> zip = new HashMap<>();
        try (InputStream in = Files.newInputStream(download.path()); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                zip.put(entry.getName(), entries.readAllBytes());
            }
        }
        assertThat(zip).containsKeys("README.txt", "profile.json", "files.json");
        assertThat(zip.get("files/" + file + "/invention.txt")).isEqualTo(turnIn);
        assertThat(new String(zip.get("profile.json"), StandardCharsets.UTF_8)).contains(learner.email());

        PlaywrightAssertions.assertThat(student.page().getByText("You can ask for a new export from")).isVisible();
    }
}
