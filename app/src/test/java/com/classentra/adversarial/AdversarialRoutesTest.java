package com.classentra.adversarial;

import static com.classentra.db.jooq.Tables.CHANNEL;
import static com.classentra.db.jooq.Tables.COURSE_ITEM;
import static com.classentra.db.jooq.Tables.DATA_EXPORT;
import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static com.classentra.db.jooq.Tables.MESSAGE;
import static com.classentra.db.jooq.Tables.STORED_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.classentra.calendar.CalendarService;
import com.classentra.courses.CourseInvitations;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.QueuedEmails;
import com.classentra.testsupport.SignIn;
import com.classentra.testsupport.TestAccounts;
import com.classentra.testsupport.HttpBrowser;
import com.classentra.testsupport.TestOrigins;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every person tries every other person's ids on every route that takes one. Two workspaces, each with a teacher,
 * an enrolled student, a student who is not enrolled and an administrator; workspace A owns the targets. Each
 * attempt must end in "not found" (or the sign-in page, or a refusal), never show the target's data, never fail
 * with a server error, and change nothing in the database.
 *
 * <p>The routes come from Vaadin's route registry and Spring's handler mappings: a new route with a parameter, or a
 * new controller path, fails {@link #everyParameterisedRouteAndControllerHasACase} until it gets a case here.
 */
@ClassentraTest
class AdversarialRoutesTest extends SpringBrowserlessTest {

    @Autowired
    Classrooms classrooms;
    @Autowired
    TestAccounts accounts;
    @Autowired
    PlatformSql platform;
    @Autowired
    CalendarService calendar;
    @Autowired
    CourseInvitations invitations;
    @Autowired
    com.classentra.privacy.DataExports exports;
    @Autowired
    QueuedEmails queuedEmails;
    @Autowired
    ApplicationContext context;
    @Autowired
    Environment environment;

    /** What workspace A has that nobody else may reach. */
    private record Targets(CourseSummary course, UUID assignment, UUID session, UUID privateNote, UUID file, String secretTitle,
            String invitationToken) {
    }

    /** A person of the world, with the password the sign-in form needs. */
    private record Person(String label, SignedInUser user, String email, String password) {
    }

    private Targets a;
    /** The link to A's teacher's data export, ready for download. */
    private String exportToken;
    private Targets b;
    private Person ownerA;
    private Person studentA;
    /** A file Ada's student sent her in a direct conversation. */
    private UUID directFile;
    private List<Person> outsiders;

    @BeforeEach
    void twoWorkspaces() {
        SignedInUser teacherA = classrooms.teacher("Ada", "Owner");
        SignedInUser teacherB = classrooms.teacher("Bea", "Rival");
        a = targets(teacherA, "Secret harmony " + UUID.randomUUID());
        ownerA = person("teacher of A", teacherA);
        b = targets(teacherB, "Rival course " + UUID.randomUUID());
        studentA = student("enrolled student of A", a.course());
        directFile = directAttachment(teacherA, studentA.user(), a.course());
        UUID export = UUID.randomUUID();
        platform.call(sql -> sql.insertInto(DATA_EXPORT).set(DATA_EXPORT.ID, export).set(DATA_EXPORT.USER_ID, teacherA.id())
                .set(DATA_EXPORT.STATUS, "SENT").set(DATA_EXPORT.STORAGE_KEY, "exports/" + teacherA.id() + "/" + export + ".zip")
                .set(DATA_EXPORT.SIZE_BYTES, 1L).set(DATA_EXPORT.READY_AT, OffsetDateTime.now())
                .set(DATA_EXPORT.EXPIRES_AT, OffsetDateTime.now().plusDays(7)).execute());
        String link = exports.downloadLink(export);
        exportToken = link.substring(link.lastIndexOf('/') + 1);
        Person studentB = student("enrolled student of B", b.course());
        outsiders = List.of(person("teacher of B", teacherB),
                studentB,
                student("student of A's platform, not enrolled", null),
                student("student of B's platform, not enrolled", null),
                administrator("administrator A"),
                administrator("administrator B"));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private UUID directAttachment(SignedInUser teacher, SignedInUser student, CourseSummary course) {
        UUID channel = UUID.randomUUID();
        UUID message = UUID.randomUUID();
        UUID file = UUID.randomUUID();
        String pair = teacher.id().toString().compareTo(student.id().toString()) < 0 ? teacher.id() + ":" + student.id() : student.id() + ":" + teacher.id();
        platform.call(sql -> {
            sql.insertInto(CHANNEL).set(CHANNEL.ID, channel).set(CHANNEL.TENANT_ID, teacher.tenantId()).set(CHANNEL.COURSE_ID, course.id())
                    .set(CHANNEL.KIND, "DIRECT").set(CHANNEL.AUDIENCE, "MEMBERS").set(CHANNEL.DIRECT_PAIR, pair)
                    .set(CHANNEL.MEMBERS, new UUID[] {teacher.id(), student.id()}).execute();
            sql.insertInto(MESSAGE).set(MESSAGE.ID, message).set(MESSAGE.TENANT_ID, teacher.tenantId()).set(MESSAGE.CHANNEL_ID, channel)
                    .set(MESSAGE.AUTHOR_ID, student.id()).set(MESSAGE.BODY_HTML, "<p>My note</p>").set(MESSAGE.BODY_TEXT, "My note").execute();
            return sql.insertInto(STORED_FILE).set(STORED_FILE.ID, file).set(STORED_FILE.TENANT_ID, teacher.tenantId())
                    .set(STORED_FILE.COURSE_ID, course.id()).set(STORED_FILE.MESSAGE_ID, message).set(STORED_FILE.UPLOADED_BY, student.id())
                    .set(STORED_FILE.STORAGE_KEY, "adversarial/" + file).set(STORED_FILE.FILENAME, "doctor-note.pdf")
                    .set(STORED_FILE.CONTENT_TYPE, "application/pdf").set(STORED_FILE.SIZE_BYTES, 1L).set(STORED_FILE.SHA256, "00").execute();
        });
        return file;
    }

    private Targets targets(SignedInUser teacher, String title) {
        CourseSummary course = classrooms.course(teacher, title);
        UUID assignment = classrooms.assignment(teacher, course, title + " essay", OffsetDateTime.now().plusDays(3));
        UUID session = classrooms.session(teacher, course, title + " lesson", OffsetDateTime.now(), 60, null);
        UUID note = UUID.randomUUID();
        UUID file = UUID.randomUUID();
        platform.call(sql -> {
            sql.insertInto(COURSE_ITEM).set(COURSE_ITEM.ID, note).set(COURSE_ITEM.TENANT_ID, teacher.tenantId())
                    .set(COURSE_ITEM.COURSE_ID, course.id()).set(COURSE_ITEM.KIND, "NOTE").set(COURSE_ITEM.SHARED, false)
                    .set(COURSE_ITEM.TITLE, title + " private note").execute();
            return sql.insertInto(STORED_FILE).set(STORED_FILE.ID, file).set(STORED_FILE.TENANT_ID, teacher.tenantId())
                    .set(STORED_FILE.COURSE_ID, course.id()).set(STORED_FILE.ITEM_ID, assignment)
                    .set(STORED_FILE.STORAGE_KEY, "adversarial/" + file).set(STORED_FILE.FILENAME, "answers.pdf")
                    .set(STORED_FILE.CONTENT_TYPE, "application/pdf").set(STORED_FILE.SIZE_BYTES, 1L).set(STORED_FILE.SHA256, "00").execute();
        });
        // A personal invitation to someone who is none of the people here: its real link must lead nobody in.
        String invitee = "invitee-" + UUID.randomUUID() + "@example.com";
        invitations.invite(teacher, course.id(), invitee);
        var email = platform.call(sql -> sql.selectFrom(EMAIL_OUTBOX).where(EMAIL_OUTBOX.TO_ADDRESS.eq(invitee)).fetchSingle());
        Matcher link = Pattern.compile("/courses/invitations/([A-Za-z0-9_.-]+)").matcher(queuedEmails.text(email));
        assertThat(link.find()).isTrue();
        return new Targets(course, assignment, session, note, file, title, link.group(1));
    }

    private Person person(String label, SignedInUser user) {
        return new Person(label, user, user.email(), Classrooms.PASSWORD);
    }

    private Person student(String label, CourseSummary enrolledIn) {
        SignedInUser student = classrooms.student("Stu", label.replace(",", ""));
        if (enrolledIn != null) {
            classrooms.enrol(student, enrolledIn);
        }
        return person(label, student);
    }

    private Person administrator(String label) {
        TestAccounts.Account admin = accounts.create(Role.ADMIN);
        return new Person(label, accounts.principal(admin.email()), admin.email(), admin.password());
    }

    /**
     * For each parameterised Vaadin route, the paths that must lead nowhere for someone outside workspace A: A's ids,
     * A's ids under the attacker's own course (B's), and ids that exist nowhere.
     */
    private Map<String, Function<Targets, List<String>>> routeCases() {
        Map<String, Function<Targets, List<String>>> cases = new LinkedHashMap<>();
        cases.put("courses/:courseId", t -> List.of("courses/" + t.course().id(), "courses/" + UUID.randomUUID(), "courses/not-an-id"));
        cases.put("courses/:courseId/items/:itemId", t -> List.of(
                "courses/" + t.course().id() + "/items/" + t.assignment(),
                "courses/" + t.course().id() + "/items/" + t.privateNote(),
                "courses/" + b.course().id() + "/items/" + t.assignment(),
                "courses/" + t.course().id() + "/items/not-an-id"));
        cases.put("courses/:courseId/grades", t -> List.of("courses/" + t.course().id() + "/grades"));
        cases.put("courses/:courseId/attendance", t -> List.of("courses/" + t.course().id() + "/attendance"));
        cases.put("courses/:courseId/people", t -> List.of("courses/" + t.course().id() + "/people", "courses/" + UUID.randomUUID() + "/people"));
        cases.put("courses/:courseId/sessions/:sessionId/attendance", t -> List.of(
                "courses/" + t.course().id() + "/sessions/" + t.session() + "/attendance",
                "courses/" + b.course().id() + "/sessions/" + t.session() + "/attendance",
                "courses/" + t.course().id() + "/sessions/" + t.assignment() + "/attendance"));
        // A session's room: nobody outside the course gets in, by the course's id or another's.
        cases.put("courses/:courseId/sessions/:sessionId/room", t -> List.of(
                "courses/" + t.course().id() + "/sessions/" + t.session() + "/room",
                "courses/" + b.course().id() + "/sessions/" + t.session() + "/room",
                "courses/" + t.course().id() + "/sessions/not-an-id/room"));
        // A join link is meant to be opened by whoever holds it: opening it must show a question and change nothing.
        cases.put("courses/join/:code", t -> List.of("courses/join/" + t.course().joinCode(), "courses/join/ZZZZZZZZ", "courses/join/%27--"));
        // A personal invitation's link, opened by anyone but the invitee: a message, never the course, and nothing joined.
        cases.put("courses/invitations/:token", t -> List.of("courses/invitations/" + t.invitationToken(),
                "courses/invitations/" + t.invitationToken().substring(0, t.invitationToken().length() - 1) + (t.invitationToken().endsWith("A") ? "B" : "A"),
                "courses/invitations/COURSE_INVITATION." + UUID.randomUUID(), "courses/invitations/%27--"));
        // A course's chat: nobody outside the course opens it, nor a channel of the course by its id.
        cases.put("courses/:courseId/chat", t -> List.of("courses/" + t.course().id() + "/chat", "courses/" + UUID.randomUUID() + "/chat",
                "courses/not-an-id/chat"));
        cases.put("legal/:slug", t -> List.of("legal/no-such-document", "legal/..%2F..%2Fetc%2Fpasswd"));
        // A subprocessor notice's link is the privacy contact's credential: a made-up or altered one shows nothing and records nothing.
        cases.put("subprocessor-changes/:token", t -> List.of("subprocessor-changes/SUBPROCESSOR_NOTICE." + UUID.randomUUID() + ".forged",
                "subprocessor-changes/" + t.invitationToken(), "subprocessor-changes/%27--"));
        return cases;
    }

    /** For each controller path, what an outsider tries; answers allowed are listed with each. */
    private Map<String, Function<Targets, List<String>>> controllerCases() {
        Map<String, Function<Targets, List<String>>> cases = new LinkedHashMap<>();
        // A workspace's file, a file sent in one of its direct conversations, one that does not exist.
        cases.put("/files/{id}", t -> List.of("/files/" + t.file(), "/files/" + directFile, "/files/" + UUID.randomUUID(), "/files/not-an-id"));
        cases.put("/files/{id}/content", t -> List.of("/files/" + t.file() + "/content", "/files/" + directFile + "/content", "/files/" + t.file() + "/content?t=forged",
                "/files/" + t.file() + "/content?t=" + "A".repeat(80)));
        cases.put("/calendar/feed/{token}.ics", t -> List.of("/calendar/feed/" + UUID.randomUUID() + ".ics", "/calendar/feed/x.ics"));
        cases.put("/legal/{slug}.txt", t -> List.of("/legal/no-such-document.txt", "/legal/..%2Fapplication.properties.txt"));
        // Someone else's data export: a real link of A's teacher, and a well-formed one for an export that does not exist.
        cases.put("/account/data-export/{token}", t -> List.of("/account/data-export/" + exportToken,
                "/account/data-export/" + exportToken.substring(0, exportToken.length() - 1) + (exportToken.endsWith("A") ? "B" : "A"),
                "/account/data-export/DATA_EXPORT." + UUID.randomUUID()));
        cases.put("/privacy", t -> List.of("/privacy", "/privacy?x=%27--")); // a redirect to the public policy, nothing else
        cases.put("/signup/google", t -> List.of("/signup/google", "/signup/google?role=admin", "/signup/google?age=UNDER_13")); // only with Google configured
        // Providers' webhooks: whoever posts there without the provider's signature is refused and nothing is stored
        // (posted as well as fetched, below). The video slot's default provider takes none.
        cases.put("/webhooks/{slot}/{provider}", t -> List.of("/webhooks/video/external", "/webhooks/video/livekit", "/webhooks/payments/stripe",
                "/webhooks/no-such-slot/x", "/webhooks/video/%2e%2e"));
        return cases;
    }

    @Test
    void everyParameterisedRouteAndControllerHasACase() {
        Set<String> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream().map(RouteData::getTemplate)
                .filter(template -> template.contains(":")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(routeCases().keySet()).as("Vaadin routes with parameters").containsExactlyInAnyOrderElementsOf(routes);

        Set<String> paths = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, method) -> {
                if (method.getBeanType().getPackageName().startsWith("com.classentra") && !isTestSupport(method.getBeanType())) {
                    paths.addAll(patterns(info));
                }
            });
        }
        // Some controllers exist only when configured (Google sign-in): their cases stay, and run when they do.
        assertThat(controllerCases().keySet()).as("application controller paths").containsAll(paths);
    }

    private static boolean isTestSupport(Class<?> type) {
        return type.getPackageName().startsWith("com.classentra.testsupport");
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() == null ? Set.of() : info.getPathPatternsCondition().getPatternValues();
    }

    @Test
    void nobodyOutsideTheWorkspaceReachesItsPagesByAnyId() {
        SignIn.as(ownerA.user());
        UI.getCurrent().navigate("courses/" + a.course().id());
        assertThat(shownText()).as("the owner sees the course (the check below can fail)")
                .contains(a.secretTitle());
        SecurityContextHolder.clearContext();

        String before = DatabaseFingerprint.of(platform);
        List<String> leaks = new ArrayList<>();
        for (Person attacker : outsiders) {
            for (var entry : routeCases().entrySet()) {
                for (String path : entry.getValue().apply(a)) {
                    attempt(attacker, path, leaks);
                }
            }
        }
        // The enrolled student of A reaches A's course, but never the teacher's private note nor its people list.
        attempt(studentA, "courses/" + a.course().id() + "/items/" + a.privateNote(), leaks);
        attempt(studentA, "courses/" + a.course().id() + "/people", leaks);
        assertThat(leaks).as("pages that showed another workspace's data").isEmpty();
        assertThat(DatabaseFingerprint.of(platform)).as("nothing changed in the database").isEqualTo(before);
    }

    private void attempt(Person attacker, String path, List<String> leaks) {
        // A fresh UI for every attempt, as every person has their own session: nothing of the last page stays.
        cleanVaadinEnvironment();
        SignIn.as(attacker.user());
        initVaadinEnvironment();
        assertThatCode(() -> UI.getCurrent().navigate(path)).as(attacker.label() + " opening " + path).doesNotThrowAnyException();
        String shown = shownText();
        if (!path.startsWith("courses/join/") && !path.startsWith("courses/invitations/")) {
            assertThat(getCurrentView()).as(attacker.label() + " opening " + path + " gets an error page").isInstanceOf(HasErrorParameter.class);
        }
        boolean joinQuestion = path.startsWith("courses/join/" + a.course().joinCode());
        // Whoever holds a join code may read the course's title in the question; nothing else of it.
        String secret = joinQuestion ? a.secretTitle() + " essay" : a.secretTitle();
        if (shown.contains(secret) || shown.contains("private note") || shown.contains("answers.pdf")) {
            leaks.add(attacker.label() + " → " + path + " showed: " + shown.substring(0, Math.min(200, shown.length())));
        }
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyPageWithoutParametersOpensForEveryoneWithoutAServerErrorAndTheConsoleOnlyForAdministrators() {
        List<String> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream().map(RouteData::getTemplate)
                .filter(template -> !template.contains(":")).sorted().toList();
        List<Person> everyone = new ArrayList<>(outsiders);
        everyone.add(ownerA);
        everyone.add(studentA);
        for (Person person : everyone) {
            boolean administrator = person.user().has(Role.ADMIN);
            for (String route : routes) {
                cleanVaadinEnvironment();
                SignIn.as(person.user());
                initVaadinEnvironment();
                assertThatCode(() -> UI.getCurrent().navigate(route)).as(person.label() + " opening /" + route).doesNotThrowAnyException();
                if (route.startsWith("admin") && !administrator) {
                    assertThat(getCurrentView()).as(person.label() + " opening /" + route).isInstanceOf(HasErrorParameter.class);
                }
                SecurityContextHolder.clearContext();
            }
        }
    }

    private HttpBrowser browser() {
        return new HttpBrowser(environment, TestOrigins.fresh().clientAddress());
    }

    /** Every text the page shows: the layout and the view (or error page) in it. */
    private static String shownText() {
        return UI.getCurrent().getChildren().map(component -> component.getElement().getTextRecursively()).collect(Collectors.joining("\n"));
    }

    @Test
    void nobodyOutsideTheWorkspaceGetsItsFilesOrFeedsFromTheControllers() throws Exception {
        List<HttpBrowser> visitors = new ArrayList<>();
        visitors.add(browser()); // not signed in
        for (Person attacker : outsiders) {
            HttpBrowser visitor = browser();
            assertThat(visitor.signIn(attacker.email(), attacker.password()).statusCode()).as(attacker.label() + " signs in").isEqualTo(302);
            visitors.add(visitor);
        }
        String before = DatabaseFingerprint.of(platform);
        for (HttpBrowser visitor : visitors) {
            for (var entry : controllerCases().entrySet()) {
                for (String path : entry.getValue().apply(a)) {
                    HttpResponse<String> answer = visitor.get(path);
                    // 400: Tomcat refuses encoded slashes in a path before any of our code runs.
                    assertThat(answer.statusCode()).as(path).isIn(302, 400, 401, 403, 404);
                    assertThat(answer.headers().firstValue("Location").orElse("")).as(path + " redirects to no file").doesNotContain("/content?t=");
                    assertThat(answer.body()).as(path).doesNotContain(a.secretTitle()).doesNotContain("Exception").doesNotContain("at com.");
                    if (path.startsWith("/webhooks/")) {
                        HttpResponse<String> posted = visitor.post(path, Map.of("event", "participant_joined", "id", "EV_forged"));
                        assertThat(posted.statusCode()).as("POST " + path).isIn(400, 401, 404);
                        assertThat(posted.body()).as("POST " + path).doesNotContain("Exception").doesNotContain("at com.");
                    }
                }
            }
        }
        assertThat(DatabaseFingerprint.of(platform)).as("nothing changed in the database").isEqualTo(before);

        HttpBrowser teacher = browser();
        teacher.signIn(ownerA.email(), ownerA.password());
        assertThat(teacher.get("/files/" + a.file()).headers().firstValue("Location").orElse(""))
                .as("the workspace's own teacher does get the link (the case above can fail)").contains("/files/" + a.file() + "/content?t=");
    }
}
