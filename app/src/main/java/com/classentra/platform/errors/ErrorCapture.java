package com.classentra.platform.errors;

import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.security.SignedInUser;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.errors.ErrorEvent;
import com.classentra.plugin.api.errors.PersonalDataScrubber;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an unexpected server error into a report for the errors slot: the innermost cause's type, message and
 * stack frames (code locations only, never variable values), with the signed-in person's email and name, the
 * request's cookie and authorization values and every pattern {@link PersonalDataScrubber} knows removed
 * before anything is written. The report goes into {@code error_report}, where a burst of the same error
 * (same type and top application frame) adds to one row; {@link ErrorReportDispatcher} sends it.
 *
 * <p>With no provider in the errors slot (the default) nothing is queued: the error is only in the log.
 * Capture never throws and never joins the caller's transaction or database scope: it writes on a thread
 * of its own and waits a few seconds at most.
 */
@Service
public class ErrorCapture implements DisposableBean {

    static final String METRIC = "classentra.error.reports";
    private static final Logger log = LoggerFactory.getLogger(ErrorCapture.class);
    private static final int MAX_FRAMES = 100;
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);
    private static final String APP_PACKAGE = "com.classentra.";
    /** Path segments that identify a record (UUIDs, numbers, long tokens): replaced so routes stay low-cardinality. */
    private static final Pattern ID_SEGMENT = Pattern.compile("(?<=/)(?:[0-9a-fA-F-]{8,}|[0-9]+|[A-Za-z0-9_-]{24,})(?=/|$)");

    /** Where an error happened, recorded as the report's "source" tag. */
    public enum Source { HTTP, VAADIN, JOB }

    private final ErrorReportRepository reports;
    private final SlotRegistry slots;
    private final PlatformScope platformScope;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Duration burstWindow;
    private final String release;
    private final String node;
    private final ExecutorService writer = Executors.newVirtualThreadPerTaskExecutor();

    ErrorCapture(ErrorReportRepository reports, SlotRegistry slots, PlatformScope platformScope,
            JsonMapper json, MeterRegistry meters, @Value("${classentra.errors.burst-window:1m}") Duration burstWindow) {
        this.reports = reports;
        this.slots = slots;
        this.platformScope = platformScope;
        this.json = json;
        this.meters = meters;
        this.burstWindow = burstWindow;
        String version = ErrorCapture.class.getPackage().getImplementationVersion();
        this.release = "classentra@" + (version == null ? "dev" : version);
        this.node = nodeName();
    }

    /**
     * Logs an unexpected error with the short reference the person is shown (support finds it in the log), records it
     * as {@link #capture} does, and returns the reference.
     */
    public String report(Throwable error, Source source, String route, Principal person, Collection<String> personalValues) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error in {} (reference {})", route, reference, error);
        capture(error, source, route, person, personalValues);
        return reference;
    }

    /**
     * Records an unexpected error. {@code route} is the path or task where it happened (ids in it are replaced);
     * {@code person} is who was signed in (null for none), whose email and name must not reach the report, nor
     * must {@code personalValues}, values of the request such as cookies and tokens.
     */
    public void capture(Throwable error, Source source, String route, Principal person, Collection<String> personalValues) {
        try {
            List<String> personal = new ArrayList<>(personalValues);
            personal.addAll(personValues(person));
            ErrorEvent event = PersonalDataScrubber.scrub(event(error, source, route), personal);
            // Off the caller's thread: its transaction (perhaps rolling back) and database scope must not apply.
            String outcome = writer.submit(() -> record(event)).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            count(meters, outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            count(meters, "capture_failed");
        } catch (Exception e) {
            // Reporting must never add a second failure to the first; the first is in the log already.
            log.warn("Could not record an error report: {}", e.toString());
            count(meters, "capture_failed");
        }
    }

    private String record(ErrorEvent event) {
        if (slots.activeProviderId(Slot.ERRORS) == null) {
            log.debug("No error reporting provider: {} is only logged", event.exceptionType());
            return "not_queued";
        }
        String fingerprint = fingerprint(event);
        JSONB tags = JSONB.valueOf(json.writeValueAsString(event.tags()));
        boolean opened = platformScope.inTransaction(null, "error capture", () -> reports.record(fingerprint, event, tags, burstWindow));
        return opened ? "queued" : "merged";
    }

    ErrorEvent event(Throwable error, Source source, String route) {
        Throwable root = error;
        List<String> chain = new ArrayList<>();
        while (true) {
            chain.add(root.getClass().getSimpleName());
            if (root.getCause() == null || root.getCause() == root || chain.size() > 20) {
                break;
            }
            root = root.getCause();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("source", source.name().toLowerCase());
        tags.put("route", route == null ? "" : ID_SEGMENT.matcher(stripQuery(route)).replaceAll("{id}"));
        tags.put("node", node);
        if (chain.size() > 1) {
            tags.put("exception.chain", String.join(" < ", chain));
        }
        List<String> frames = Arrays.stream(root.getStackTrace()).limit(MAX_FRAMES).map(ErrorCapture::frame).toList();
        return new ErrorEvent(UUID.randomUUID().toString(), Instant.now(), root.getClass().getName(), root.getMessage(), frames, release, tags);
    }

    /** Type and top application frame (the top frame when no application code is on the stack). */
    static String fingerprint(ErrorEvent event) {
        String top = event.stackFrames().stream().filter(f -> f.startsWith(APP_PACKAGE)).findFirst()
                .orElse(event.stackFrames().isEmpty() ? "" : event.stackFrames().get(0));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((event.exceptionType() + "|" + top).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** "class.method(File.java:line)", the form {@link ErrorEvent} documents (without the module StackTraceElement may print). */
    private static String frame(StackTraceElement element) {
        String where = element.isNativeMethod() ? "Native Method"
                : element.getFileName() == null ? "Unknown Source"
                : element.getLineNumber() >= 0 ? element.getFileName() + ":" + element.getLineNumber() : element.getFileName();
        return element.getClassName() + "." + element.getMethodName() + "(" + where + ")";
    }

    private static String stripQuery(String route) {
        int query = route.indexOf('?');
        return query < 0 ? route : route.substring(0, query);
    }

    /** The person's email and name; the principal's name at least (an email, for the accounts here). */
    private static List<String> personValues(Principal person) {
        if (person == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (person instanceof Authentication authentication && authentication.getPrincipal() instanceof SignedInUser user) {
            values.add(user.email());
            if (user.displayName() != null) {
                values.add(user.displayName());
            }
        }
        if (person.getName() != null) {
            values.add(person.getName());
        }
        return values;
    }

    private static String nodeName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    static void count(MeterRegistry meters, String outcome) {
        Counter.builder(METRIC).description("Server error reports captured, by outcome: queued, merged into a burst, not_queued "
                        + "without a provider, capture_failed (delivery is counted as the error-report queue's)")
                .tag("outcome", outcome).register(meters).increment();
    }

    @Override
    public void destroy() {
        writer.shutdown();
    }
}
