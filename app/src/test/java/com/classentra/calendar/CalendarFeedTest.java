package com.classentra.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The feed as a calendar app sees it: fetched over real HTTP without a session and parsed back with ical4j. */
@ClassentraTest
class CalendarFeedTest {

    private static final OffsetDateTime SOON = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.HOURS);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    CalendarService calendar;
    @Autowired
    Classrooms classroom;
    @Autowired
    Environment environment;

    private HttpResponse<String> fetch(String feedAddress) throws Exception {
        String path = URI.create(feedAddress).getRawPath();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<VEvent> events(HttpResponse<String> response) throws Exception {
        Calendar parsed = new CalendarBuilder().build(new StringReader(response.body()));
        return parsed.getComponents("VEVENT");
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void aStudentsFeedHasTheirSessionsDueDatesAndEventsAndNothingOfOtherWorkspaces() throws Exception {
        SignedInUser teacher = classroom.teacher("Ines", "Rossi");
        CourseSummary course = classroom.course(teacher, "Jazz piano");
        SignedInUser student = classroom.student("Ann", "Lee");
        classroom.enrol(student, course);
        var session = classroom.session(teacher, course, "Voicings", SOON, 90, "https://meet.example.com/jazz");
        classroom.assignment(teacher, course, "Transcription", SOON.plusDays(1));
        calendar.create(student, new EventForm("Practice", "", SOON.minusHours(3).toInstant(), SOON.minusHours(2).toInstant()));
        SignedInUser otherTeacher = classroom.teacher("Eve", "Other");
        CourseSummary otherCourse = classroom.course(otherTeacher, "Other school");
        classroom.session(otherTeacher, otherCourse, "Secret session", SOON, 60, "https://meet.example.com/secret");

        String address = calendar.newFeedAddress(student);
        assertThat(address).matches(".*/calendar/feed/[A-Za-z0-9_-]{43}\\.ics");
        HttpResponse<String> response = fetch(address);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        assertThat(response.body()).doesNotContain("Secret session").doesNotContain("Other school").doesNotContain("/secret");
        List<VEvent> events = events(response);
        assertThat(events).extracting(e -> value(e, "SUMMARY")).containsExactly("Practice", "Voicings", "Due: Transcription");
        VEvent voicings = events.get(1);
        assertThat(value(voicings, "UID")).isEqualTo("session-" + session + "@classentra");
        assertThat(value(voicings, "DTSTART")).isEqualTo(SOON.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
        assertThat(value(voicings, "DTEND")).endsWith("Z");
        assertThat(value(voicings, "DTSTAMP")).isNotNull();
        assertThat(value(voicings, "DESCRIPTION")).contains("Jazz piano").contains("https://meet.example.com/jazz");
        assertThat(value(voicings, "URL")).isEqualTo("https://meet.example.com/jazz");

        assertThat(events(fetch(address))).as("UIDs are stable between fetches")
                .extracting(e -> value(e, "UID")).containsExactlyElementsOf(events.stream().map(e -> value(e, "UID")).toList());
    }

    @Test
    void aTeachersFeedHasTheirWorkspacesSessionsOnly() throws Exception {
        SignedInUser teacher = classroom.teacher("Ines", "Rossi");
        classroom.session(teacher, classroom.course(teacher, "Cello"), "Bowing", SOON, 60, null);
        SignedInUser otherTeacher = classroom.teacher("Eve", "Other");
        classroom.session(otherTeacher, classroom.course(otherTeacher, "Other school"), "Secret session", SOON, 60, null);

        HttpResponse<String> response = fetch(calendar.newFeedAddress(teacher));

        assertThat(events(response)).extracting(e -> value(e, "SUMMARY")).containsExactly("Bowing");
        assertThat(response.body()).doesNotContain("Secret session");
    }

    @Test
    void aReplacedOrTurnedOffFeedAndAnUnknownTokenAreNotFound() throws Exception {
        SignedInUser student = classroom.student("Ann", "Lee");
        String first = calendar.newFeedAddress(student);
        String second = calendar.newFeedAddress(student);

        assertThat(fetch(first).statusCode()).isEqualTo(404);
        assertThat(fetch(first).body()).contains("No calendar feed at this address");
        assertThat(fetch(second).statusCode()).isEqualTo(200);
        assertThat(calendar.feedCreatedAt(student)).isPresent();

        calendar.turnOffFeed(student);
        assertThat(fetch(second).statusCode()).isEqualTo(404);
        assertThat(calendar.feedCreatedAt(student)).isEmpty();
        assertThat(fetch("/calendar/feed/" + "A".repeat(43) + ".ics").statusCode()).isEqualTo(404);
        assertThat(fetch("/calendar/feed/not-a-token.ics").statusCode()).isEqualTo(404);
    }
}
