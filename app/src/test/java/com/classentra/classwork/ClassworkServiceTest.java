package com.classentra.classwork;

import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static com.classentra.db.jooq.Tables.FILE_PURGE;
import static com.classentra.db.jooq.Tables.STORED_FILE;
import static com.classentra.db.jooq.Tables.SUBMISSION_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.courses.CourseNotFoundException;
import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.live.RoomSettings;
import com.classentra.files.FileService;
import com.classentra.files.StagedUpload;
import com.classentra.files.StoredFileInfo;
import com.classentra.platform.secrets.LinkSigner;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

@ClassentraTest
class ClassworkServiceTest {

    @Autowired
    ClassworkService classwork;
    @Autowired
    com.classentra.notifications.NotificationService notifications;
    @Autowired
    CourseService courses;
    @Autowired
    FileService files;
    @Autowired
    Classrooms classrooms;
    @Autowired
    PlatformSql platform;
    @Autowired
    LinkSigner signer;
    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;

    static ItemForm assignment(String title, Instant due, LatePolicy late) {
        return new ItemForm(ItemKind.ASSIGNMENT, title, "<p>Write <b>300</b> words</p>", true, due, BigDecimal.TEN, GradingScale.POINTS, late,
                late == LatePolicy.PENALTY ? 10 : null, null, null, null, null, null);
    }

    StagedUpload upload(String name, byte[] content) {
        return files.stage(new ByteArrayInputStream(content), name, content.length);
    }

    @Test
    void eachKindIsCheckedByItsOwnRules() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");

        var noPoints = classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.ASSIGNMENT, "Essay", "", true, null, null,
                GradingScale.POINTS, LatePolicy.PENALTY, null, null, null, null, null, null), List.of());
        assertThat(noPoints.problems()).containsOnlyKeys("pointsPossible", "latePenaltyPercent");

        var badMeeting = classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.SESSION, "Live", "", true, null, null, null, null, null,
                Instant.now(), 60, "https://zoom.evil.example/j/123", null, null), List.of());
        assertThat(badMeeting.problems()).containsOnlyKeys("meetingUrl");

        var badLink = classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.LINK, "Docs", "", true, null, null, null, null, null,
                null, null, null, "javascript:alert(1)", null), List.of());
        assertThat(badLink.problems()).containsOnlyKeys("linkUrl");
        assertThat(platform.count(COURSE_ITEM, COURSE_ITEM.COURSE_ID.eq(course.id()))).isZero();

        var session = classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.SESSION, "Live", "", true, null, null, null, null, null,
                Instant.now(), 60, "https://us02web.zoom.us/j/81234567890?pwd=abc", null, null), List.of());
        assertThat(session.problems()).isEmpty();
        var link = classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.LINK, "Docs", "", true, null, null, null, null, null,
                null, null, null, "https://www.example.org/guide", null), List.of());
        assertThat(ExternalLinks.host(link.item().linkUrl())).isEqualTo("example.org");

        var roomWithoutProvider = classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.SESSION, "Live", "", true, null, null, null,
                null, null, Instant.now(), 60, null, null, RoomSettings.DEFAULTS), List.of());
        assertThat(roomWithoutProvider.problems()).as("meeting links only, the default").containsOnlyKeys("room");
        var roomAndLink = classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.SESSION, "Live", "", true, null, null, null,
                null, null, Instant.now(), 60, "https://meet.google.com/abc-defg-hij", null, RoomSettings.DEFAULTS), List.of());
        assertThat(roomAndLink.problems()).containsKeys("meetingUrl");
    }

    @Test
    void studentsSeeSharedItemsOfTheirCoursesButNotPrivateNotes() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");
        SignedInUser student = classrooms.student();
        SignedInUser outsider = classrooms.student();
        classrooms.enrol(student, course);
        classwork.save(teacher, course.id(), null, ItemForm.of(ItemKind.ANNOUNCEMENT, "Welcome", "<p>Hi <script>x()</script></p>"), List.of());
        classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.NOTE, "Who needs help", "", false, null, null, null, null, null,
                null, null, null, null, null), List.of());

        assertThat(classwork.stream(teacher, course.id(), null)).extracting(CourseItem::title).containsExactly("Who needs help", "Welcome");
        List<CourseItem> seen = classwork.stream(student, course.id(), null);
        assertThat(seen).extracting(CourseItem::title).containsExactly("Welcome");
        assertThat(seen.getFirst().bodyHtml()).doesNotContain("script");
        assertThatThrownBy(() -> classwork.stream(outsider, course.id(), null)).isInstanceOf(CourseNotFoundException.class);
        // The notification names the post; the course is shown beside it (and in the email's subject) once, not twice.
        assertThat(notifications.latest(student, 5)).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("New announcement: Welcome");
            assertThat(n.courseTitle()).isEqualTo("Piano");
        });

        courses.leave(student, course.id());
        assertThatThrownBy(() -> classwork.stream(student, course.id(), null)).isInstanceOf(CourseNotFoundException.class);
    }

    @Test
    void anotherWorkspaceCannotReadChangeOrDeleteItemsById() {
        SignedInUser owner = classrooms.teacher();
        SignedInUser intruder = classrooms.teacher();
        CourseSummary course = classrooms.course(owner, "Piano");
        CourseItem item = classwork.save(owner, course.id(), null, assignment("Essay", null, LatePolicy.ACCEPT), List.of()).item();

        assertThatThrownBy(() -> classwork.item(intruder, course.id(), item.id())).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> classwork.save(intruder, course.id(), item.id(), assignment("Hacked", null, LatePolicy.ACCEPT), List.of()))
                .isInstanceOf(CourseNotFoundException.class);
        assertThatThrownBy(() -> classwork.delete(intruder, course.id(), item.id())).isInstanceOf(ItemNotFoundException.class);
        // The intruder's own course id with the owner's item id reaches nothing either.
        CourseSummary own = classrooms.course(intruder, "Mine");
        assertThatThrownBy(() -> classwork.save(intruder, own.id(), item.id(), assignment("Hacked", null, LatePolicy.ACCEPT), List.of()))
                .isInstanceOf(ItemNotFoundException.class);
        assertThat(classwork.item(owner, course.id(), item.id()).title()).isEqualTo("Essay");
    }

    @Test
    void studentsCannotPostItems() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");
        SignedInUser student = classrooms.student();
        classrooms.enrol(student, course);

        assertThatThrownBy(() -> classwork.save(student, course.id(), null, ItemForm.of(ItemKind.ANNOUNCEMENT, "Free A", ""), List.of()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void turnInsKeepEveryVersionAndMarkLateWork() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");
        SignedInUser student = classrooms.student();
        classrooms.enrol(student, course);
        CourseItem open = classwork.save(teacher, course.id(), null, assignment("Open", Instant.now().plus(Duration.ofDays(1)), LatePolicy.ACCEPT), List.of()).item();
        CourseItem overdue = classwork.save(teacher, course.id(), null, assignment("Overdue", Instant.now().minus(Duration.ofDays(1)), LatePolicy.PENALTY), List.of()).item();
        CourseItem closed = classwork.save(teacher, course.id(), null, assignment("Closed", Instant.now().minus(Duration.ofDays(1)), LatePolicy.REFUSE), List.of()).item();

        assertThat(classwork.submissionOf(student, course.id(), open.id()).status()).isEqualTo(SubmissionStatus.ASSIGNED);
        assertThat(classwork.submissionOf(student, course.id(), overdue.id()).status()).isEqualTo(SubmissionStatus.MISSING);

        assertThat(classwork.turnIn(student, course.id(), open.id(), "", List.of()).problems()).containsKey("text");
        classwork.turnIn(student, course.id(), open.id(), "<p>First draft</p>", List.of());
        Submission second = classwork.turnIn(student, course.id(), open.id(), "<p>Final</p>", List.of(upload("essay.pdf", TestFiles.PDF))).submission();
        assertThat(second.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(second.versions()).extracting(Submission.Version::number).containsExactly(2, 1);
        assertThat(second.versions().getFirst().files()).extracting(StoredFileInfo::filename, StoredFileInfo::contentType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("essay.pdf", "application/pdf"));

        assertThat(classwork.turnIn(student, course.id(), overdue.id(), "<p>Sorry</p>", List.of()).submission().status()).isEqualTo(SubmissionStatus.LATE);
        var refused = classwork.turnIn(student, course.id(), closed.id(), "<p>Too late</p>", List.of());
        assertThat(refused.problems().get("text")).contains("does not accept late work");
        assertThat(platform.count(SUBMISSION_VERSION, SUBMISSION_VERSION.STUDENT_ID.eq(student.id()))).isEqualTo(3);

        assertThat(classwork.submissionFor(teacher, course.id(), open.id(), student.id()).versions()).hasSize(2);
    }

    @Test
    void studentsOfOtherCoursesCannotTurnInOrReadOthersWork() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");
        SignedInUser student = classrooms.student();
        SignedInUser stranger = classrooms.student();
        classrooms.enrol(student, course);
        CourseItem essay = classwork.save(teacher, course.id(), null, assignment("Essay", null, LatePolicy.ACCEPT), List.of()).item();
        classwork.turnIn(student, course.id(), essay.id(), "<p>Mine</p>", List.of());

        assertThatThrownBy(() -> classwork.turnIn(stranger, course.id(), essay.id(), "<p>x</p>", List.of())).isInstanceOf(ItemNotFoundException.class);
        assertThatThrownBy(() -> classwork.submissionFor(classrooms.teacher(), course.id(), essay.id(), student.id()))
                .isInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void aFailedSaveRemovesTheFilesItAlreadyStored() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");
        courses.archive(teacher, course.id(), true);
        StagedUpload pdf = upload("sheet.pdf", TestFiles.PDF);

        assertThatThrownBy(() -> classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.MATERIAL, "Sheet", "", true, null, null, null,
                null, null, null, null, null, null, null), List.of(pdf))).hasMessageContaining("archived");
        assertThat(platform.count(STORED_FILE, STORED_FILE.COURSE_ID.eq(course.id()))).isZero();
        assertThat(pdf.path()).doesNotExist();
    }

    @Test
    void downloadsUseShortLivedLinksBoundToThePersonAndTheirRights() throws Exception {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");
        SignedInUser student = classrooms.student();
        classrooms.enrol(student, course);
        CourseItem material = classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.MATERIAL, "Sheet", "", true, null, null, null,
                null, null, null, null, null, null, null), List.of(upload("Sheet <1>.pdf", TestFiles.PDF))).item();
        StoredFileInfo file = material.files().getFirst();
        assertThat(file.filename()).isEqualTo("Sheet _1_.pdf");

        URI link = files.downloadLink(student, file.id()).orElseThrow();
        HttpResponse<byte[]> ok = get(link.toString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(TestFiles.PDF);
        assertThat(ok.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(ok.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        assertThat(files.downloadLink(classrooms.student(), file.id())).isEmpty();
        assertThat(files.downloadLink(classrooms.teacher(), file.id())).isEmpty();
        assertThat(get(link.toString().replace("content?t=", "content?t=x")).statusCode()).isEqualTo(403);
        String expired = signer.sign(file.id() + ":" + student.id() + ":-:" + Instant.now().minusSeconds(1).getEpochSecond());
        assertThat(get("/files/" + file.id() + "/content?t=" + java.net.URLEncoder.encode(expired, StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);

        // The link is checked again when used: a student who left loses access to links already handed out.
        courses.leave(student, course.id());
        assertThat(get(link.toString()).statusCode()).isEqualTo(403);
        // Without a session the rights-checking entry point sends people to sign in.
        assertThat(get("/files/" + file.id()).statusCode()).isIn(302, 401);
    }

    @Test
    void deletingACourseQueuesItsFilesForPurgeFromStorage() {
        SignedInUser teacher = classrooms.teacher();
        CourseSummary course = classrooms.course(teacher, "Piano");
        CourseItem material = classwork.save(teacher, course.id(), null, new ItemForm(ItemKind.FILE, "Sheet", "", true, null, null, null,
                null, null, null, null, null, null, null), List.of(upload("sheet.pdf", TestFiles.PDF))).item();
        String key = platform.value(STORED_FILE.STORAGE_KEY, STORED_FILE.ID.eq(material.files().getFirst().id()));

        courses.delete(teacher, course.id());

        assertThat(platform.count(STORED_FILE, STORED_FILE.COURSE_ID.eq(course.id()))).isZero();
        assertThat(platform.count(FILE_PURGE, FILE_PURGE.STORAGE_KEY.eq(key))).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> purgeNow() >= 0 && platform.count(FILE_PURGE, FILE_PURGE.STORAGE_KEY.eq(key)) == 0);
    }

    private int purgeNow() {
        return org.springframework.test.util.ReflectionTestUtils.invokeMethod(context.getBean("filePurge"), "purgeDue", 100, Duration.ofSeconds(10));
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
