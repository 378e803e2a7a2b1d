package com.classentra.calendar;

import com.classentra.platform.ClassentraProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ICS feed calendar apps subscribe to. They cannot sign in, so the secret token in the address is the
 * credential; it is checked by its SHA-256 only (see {@link CalendarService#newFeedAddress}).
 */
@RestController
class CalendarFeedController {

    /** What a subscribed app keeps: recent history and the coming year. */
    private static final Duration PAST = Duration.ofDays(90);
    private static final Duration AHEAD = Duration.ofDays(400);
    /** 32 random bytes in unpadded base64url. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CalendarService calendar;
    private final ClassentraProperties properties;

    CalendarFeedController(CalendarService calendar, ClassentraProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    @GetMapping("/calendar/feed/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        Instant now = Instant.now();
        Optional<List<CalendarEntry>> entries = TOKEN.matcher(token).matches()
                ? calendar.feedEntries(token, now.minus(PAST), now.plus(AHEAD)) : Optional.empty();
        return entries.map(found -> ResponseEntity.ok().contentType(TEXT_CALENDAR)
                        // The address is a secret: shared caches must not keep the answer.
                        .cacheControl(CacheControl.noStore())
                        .body(IcsCalendar.write(found, properties.publicUrl() + "/calendar", now)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body("No calendar feed at this address. It may have been turned off or replaced; make a new one in Settings."));
    }
}
