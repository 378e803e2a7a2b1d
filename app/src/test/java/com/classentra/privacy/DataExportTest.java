package com.classentra.privacy;

import static com.classentra.db.jooq.Tables.ATTENDANCE;
import static com.classentra.db.jooq.Tables.CALENDAR_EVENT;
import static com.classentra.db.jooq.Tables.DATA_EXPORT;
import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.classentra.db.jooq.Tables.GRADE;
import static com.classentra.db.jooq.Tables.STORED_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.storage.ObjectStore;
import com.classentra.privacy.DataExports.Status;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.HttpBrowser;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.QueuedEmails;
import com.classentra.testsupport.TestOrigins;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Issue 12 item 2: "Download my data" builds one ZIP of everything the registry says is the person's. */
@ClassentraTest
class DataExportTest {

    private static final byte[] ESSAY = "My essay on counterpoint".getBytes(StandardCharsets.UTF_8);

    @Autowired
    DataExports exports;
    @Autowired
    DataExportBuilder builder;
    @Autowired
    Classrooms classrooms;
    @Autowired
    PlatformSql platform;
    @Autowired
    ObjectStore storage;
    @Autowired
    QueuedEmails queuedEmails;
    @Autowired
    Environment environment;

    /** A student with a turn-in file, a grade with feedback, attendance and a calendar event; and a classmate. */
    private record World(SignedInUser teacher, SignedInUser student, SignedInUser classmate, UUID file) {
    }

    private World world() throws Exception {
        SignedInUser teacher = classrooms.teacher("Ines", "Rossi");
        CourseSummary course = classrooms.course(teacher, "Counterpoint");
        SignedInUser student = classrooms.student("Luca", "Moretti");
        SignedInUser classmate = classrooms.student("Mara", "Bianchi");
        classrooms.enrol(student, course);
        classrooms.enrol(classmate, course);
        UUID assignment = classrooms.assignment(teacher, course, "Two-part invention", OffsetDateTime.now().plusDays(2));
        UUID session = classrooms.session(teacher, course, "Lesson 1", OffsetDateTime.now().minusDays(1), 60, null);
        UUID file = UUID.randomUUID();
        String key = "test/" + file;
        storage.put(key, new ByteArrayInputStream(ESSAY), ESSAY.length, "text/plain");
        platform.call(sql -> {
            sql.insertInto(STORED_FILE).set(STORED_FILE.ID, file).set(STORED_FILE.TENANT_ID, teacher.tenantId()).set(STORED_FILE.COURSE_ID, course.id())
                    .set(STORED_FILE.ITEM_ID, assignment).set(STORED_FILE.UPLOADED_BY, student.id()).set(STORED_FILE.STORAGE_KEY, key)
                    .set(STORED_FILE.FILENAME, "../essay.txt").set(STORED_FILE.CONTENT_TYPE, "text/plain")
                    .set(STORED_FILE.SIZE_BYTES, (long) ESSAY.length).set(STORED_FILE.SHA256, "00").execute();
            for (SignedInUser who : new SignedInUser[] {student, classmate}) {
                sql.insertInto(GRADE).set(GRADE.TENANT_ID, teacher.tenantId()).set(GRADE.COURSE_ID, course.id()).set(GRADE.ASSIGNMENT_ID, assignment)
                        .set(GRADE.STUDENT_ID, who.id()).set(GRADE.POINTS, BigDecimal.valueOf(who == student ? 91 : 64))
                        .set(GRADE.FEEDBACK_HTML, "<p>Feedback for " + who.displayName() + "</p>").set(GRADE.GRADED_BY, teacher.id()).execute();
            }
            sql.insertInto(ATTENDANCE).set(ATTENDANCE.TENANT_ID, teacher.tenantId()).set(ATTENDANCE.COURSE_ID, course.id())
                    .set(ATTENDANCE.SESSION_ID, session).set(ATTENDANCE.STUDENT_ID, student.id()).set(ATTENDANCE.STATUS, "PRESENT").execute();
            return sql.insertInto(CALENDAR_EVENT).set(CALENDAR_EVENT.ID, UUID.randomUUID()).set(CALENDAR_EVENT.USER_ID, student.id())
                    .set(CALENDAR_EVENT.TITLE, "Practise scales").set(CALENDAR_EVENT.STARTS_AT, OffsetDateTime.now())
                    .set(CALENDAR_EVENT.ENDS_AT, OffsetDateTime.now().plusHours(1)).execute();
        });
        return new World(teacher, student, classmate, file);
    }

    private String tokenEmailedTo(SignedInUser person) {
        var email = platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.TO_ADDRESS.eq(person.email())
                .and(EMAIL_OUTBOX.TEMPLATE.eq("data-export-ready"))).fetchSingle());
        Matcher link = Pattern.compile("/account/data-export/([A-Za-z0-9_.-]+)").matcher(queuedEmails.text(email));
        assertThat(link.find()).as("the email carries the link").isTrue();
        return link.group(1);
    }

    private static Map<String, String> unzip(InputStream zip) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void theArchiveHoldsEveryKindOfThePersonsDataAndTheirFilesAndNobodyElses() throws Exception {
        World world = world();
        assertThat(exports.request(world.student()).accepted()).isTrue();
        assertThat(exports.latest(world.student()).orElseThrow().status()).isEqualTo(Status.WAITING);

        builder.buildDue(Duration.ofMinutes(1));

        var state = exports.latest(world.student()).orElseThrow();
        assertThat(state.status()).isEqualTo(Status.READY);
        assertThat(state.expiresAt()).isBetween(OffsetDateTime.now().plusDays(6).toInstant(), OffsetDateTime.now().plusDays(8).toInstant());
        String token = tokenEmailedTo(world.student());
        Map<String, String> zip = unzip(exports.open(world.student(), token).orElseThrow().content());

        assertThat(zip).containsKeys("README.txt", "profile.json", "courses-joined.json", "grades.json", "attendance.json", "calendar.json",
                "files.json", "survey-answers.json", "policy-acceptances.json", "notifications.json");
        assertThat(zip.get("README.txt")).contains("grades.json").contains("Your grades and the feedback on your work.");
        assertThat(zip.get("profile.json")).contains(world.student().email()).contains("\"first_name\":\"Luca\"");
        assertThat(zip.get("grades.json")).contains("Feedback for Luca Moretti").contains("91").doesNotContain("Mara");
        assertThat(zip.get("attendance.json")).contains("PRESENT");
        assertThat(zip.get("calendar.json")).contains("Practise scales");
        assertThat(zip.get("files/" + world.file() + "/.._essay.txt")).as("the file, its name unable to climb out")
                .isEqualTo(new String(ESSAY, StandardCharsets.UTF_8));
        assertThat(String.join("\n", zip.values())).doesNotContain(world.classmate().email()).doesNotContain("Feedback for Mara");
    }

    @Test
    void oneRequestADayUnlessTheLastOneFailed() {
        SignedInUser student = classrooms.student("Luca", "Moretti");
        assertThat(exports.request(student).accepted()).isTrue();
        var second = exports.request(student);
        assertThat(second.accepted()).isFalse();
        assertThat(second.nextAllowedAt()).isAfter(OffsetDateTime.now().plusHours(23).toInstant());

        platform.call(sql -> sql.update(DATA_EXPORT).set(DATA_EXPORT.STATUS, "DEAD").where(DATA_EXPORT.USER_ID.eq(student.id())).execute());
        assertThat(exports.latest(student).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(exports.request(student).accepted()).as("a failed export may be asked for again").isTrue();
    }

    @Test
    void theLinkWorksOnlyForItsOwnerSignedInUntilItExpiresAndThenTheArchiveIsDeleted() throws Exception {
        World world = world();
        exports.request(world.student());
        builder.buildDue(Duration.ofMinutes(1));
        String token = tokenEmailedTo(world.student());

        assertThat(exports.open(world.classmate(), token)).as("another person").isEmpty();
        assertThat(exports.open(world.student(), token.substring(0, token.length() - 2) + "xx")).as("an altered link").isEmpty();
        assertThat(exports.open(world.student(), "DATA_EXPORT." + exports.latest(world.student()).orElseThrow().id())).as("unsigned").isEmpty();

        HttpBrowser signedOut = new HttpBrowser(environment, TestOrigins.fresh().clientAddress());
        HttpResponse<byte[]> anonymous = signedOut.download("/account/data-export/" + token);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpBrowser classmate = new HttpBrowser(environment, TestOrigins.fresh().clientAddress());
        classmate.signIn(world.classmate().email(), Classrooms.PASSWORD);
        assertThat(classmate.download("/account/data-export/" + token).statusCode()).isEqualTo(404);
        HttpBrowser owner = new HttpBrowser(environment, TestOrigins.fresh().clientAddress());
        owner.signIn(world.student().email(), Classrooms.PASSWORD);
        HttpResponse<byte[]> archive = owner.download("/account/data-export/" + token);
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".zip");
        assertThat(unzip(new ByteArrayInputStream(archive.body()))).containsKey("profile.json");

        UUID id = exports.latest(world.student()).orElseThrow().id();
        String key = platform.value(DATA_EXPORT.STORAGE_KEY, DATA_EXPORT.ID.eq(id));
        platform.call(sql -> sql.update(DATA_EXPORT).set(DATA_EXPORT.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1)).where(DATA_EXPORT.ID.eq(id)).execute());
        assertThat(exports.open(world.student(), token)).as("expired").isEmpty();
        assertThat(builder.deleteExpired(100)).isGreaterThanOrEqualTo(1);
        assertThat(storage.get(key)).as("the archive is gone from storage").isEmpty();
        assertThat(exports.latest(world.student()).orElseThrow().status()).isEqualTo(Status.EXPIRED);
    }
}
