package com.classentra.plugins.errors.sentry;

import static com.classentra.plugins.errors.sentry.JsonText.quote;

import com.classentra.plugin.api.errors.ErrorEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentry envelopes (https://develop.sentry.dev/sdk/envelopes/): a header line, then per item a header line
 * with its type and byte length and the item's JSON payload.
 */
final class SentryEnvelope {

    /** "com.example.Type.method(Type.java:12)", optionally after a "module/" as StackTraceElement prints it. */
    private static final Pattern FRAME = Pattern.compile("^(?:[^/(]+/)?(?<type>[^(]+)\\.(?<method>[^.(]+)\\((?<file>[^:)]*)(?::(?<line>\\d+))?\\)$");
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{32}");
    private static final String IN_APP_PREFIX = "com.classentra.";

    private SentryEnvelope() {
    }

    /** An envelope with one event item. */
    static byte[] event(SentryDsn dsn, ErrorEvent event, String environment, String client, Instant sentAt) {
        String eventId = eventId(event.eventId());
        String payload = eventPayload(eventId, event, environment, client);
        String header = "{\"event_id\":" + quote(eventId) + ",\"dsn\":" + quote(dsn.publicForm()) + ",\"sent_at\":" + quote(iso(sentAt)) + "}";
        return envelope(header, "event", payload);
    }

    /**
     * An envelope with an empty client report (the item SDKs use to count events they dropped): Sentry
     * authenticates it like any envelope but records no issue, so it checks the key without noise.
     */
    static byte[] emptyClientReport(SentryDsn dsn, Instant sentAt) {
        String header = "{\"dsn\":" + quote(dsn.publicForm()) + ",\"sent_at\":" + quote(iso(sentAt)) + "}";
        return envelope(header, "client_report", "{\"timestamp\":" + quote(iso(sentAt)) + ",\"discarded_events\":[]}");
    }

    private static byte[] envelope(String header, String itemType, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        String itemHeader = "{\"type\":" + quote(itemType) + ",\"length\":" + body.length + ",\"content_type\":\"application/json\"}";
        return (header + "\n" + itemHeader + "\n" + payload + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String eventPayload(String eventId, ErrorEvent event, String environment, String client) {
        String type = event.exceptionType() == null ? "Error" : event.exceptionType();
        int dot = type.lastIndexOf('.');
        StringBuilder exception = new StringBuilder("{\"type\":").append(quote(type.substring(dot + 1)));
        if (dot > 0) {
            exception.append(",\"module\":").append(quote(type.substring(0, dot)));
        }
        if (event.message() != null) {
            exception.append(",\"value\":").append(quote(event.message()));
        }
        exception.append(",\"stacktrace\":{\"frames\":").append(frames(event.stackFrames())).append("}}");

        Map<String, String> tags = new TreeMap<>(event.tags());
        StringJoiner tagJson = new StringJoiner(",", "{", "}");
        tags.forEach((key, value) -> tagJson.add(quote(key) + ":" + quote(value)));

        StringBuilder json = new StringBuilder("{");
        json.append("\"event_id\":").append(quote(eventId));
        json.append(",\"timestamp\":").append(quote(iso(event.occurredAt() == null ? Instant.now() : event.occurredAt())));
        json.append(",\"platform\":\"java\",\"level\":\"error\",\"logger\":\"classentra\"");
        if (event.release() != null) {
            json.append(",\"release\":").append(quote(event.release()));
        }
        json.append(",\"environment\":").append(quote(environment));
        json.append(",\"tags\":").append(tagJson);
        json.append(",\"exception\":{\"values\":[").append(exception).append("]}");
        String[] sdk = client.split("/", 2);
        json.append(",\"sdk\":{\"name\":").append(quote(sdk[0])).append(",\"version\":").append(quote(sdk.length > 1 ? sdk[1] : "")).append('}');
        return json.append('}').toString();
    }

    /** Sentry lists frames from the outermost call to the innermost; the event has them the other way round. */
    private static String frames(List<String> innermostFirst) {
        List<String> frames = new ArrayList<>();
        for (String frame : innermostFirst.reversed()) {
            Matcher m = FRAME.matcher(frame.strip());
            if (!m.matches()) {
                frames.add("{\"function\":" + quote(frame.strip()) + "}");
                continue;
            }
            StringBuilder json = new StringBuilder("{\"module\":").append(quote(m.group("type")))
                    .append(",\"function\":").append(quote(m.group("method")));
            String file = m.group("file");
            if (!file.isEmpty() && !file.equals("Unknown Source") && !file.equals("Native Method")) {
                json.append(",\"filename\":").append(quote(file));
            }
            if (m.group("line") != null) {
                json.append(",\"lineno\":").append(m.group("line"));
            }
            json.append(",\"in_app\":").append(m.group("type").startsWith(IN_APP_PREFIX)).append('}');
            frames.add(json.toString());
        }
        return "[" + String.join(",", frames) + "]";
    }

    /**
     * Sentry wants 32 lower-case hex digits. A UUID is taken as it is, so a report sent twice (after a lost
     * answer) has the same id and Sentry keeps it once; any other id is hashed into that form.
     */
    static String eventId(String id) {
        String candidate = id == null ? "" : id.replace("-", "").toLowerCase(Locale.ROOT);
        if (EVENT_ID.matcher(candidate).matches()) {
            return candidate;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
