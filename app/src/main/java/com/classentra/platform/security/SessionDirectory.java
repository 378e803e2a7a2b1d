package com.classentra.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The server-side sessions of each person, for the "active sessions" table and "sign out everywhere":
 * Spring Security's session registry knows who and when, this adds the device (a browser and system
 * summary taken from the User-Agent, nothing finer) and when the session signed in. The list is this
 * node's (sessions are sticky); ending sessions also works across nodes through {@link SessionRevocations}.
 */
@Component
public class SessionDirectory {

    /** Session attribute: when the session signed in (compared with revocations made on any node). */
    static final String SIGNED_IN_AT = "classentra.session.signed-in-at";

    private final SessionRegistry registry;
    private final SessionRevocations revocations;
    private final Duration idleTimeout;
    private final Duration absoluteLifetime;
    private final Map<String, Device> devices = new ConcurrentHashMap<>();

    SessionDirectory(SessionRegistry registry, SessionRevocations revocations, @Value("${server.servlet.session.timeout:30m}") Duration idleTimeout,
            @Value("${classentra.sessions.absolute-lifetime:12h}") Duration absoluteLifetime) {
        this.registry = registry;
        this.revocations = revocations;
        this.idleTimeout = idleTimeout;
        this.absoluteLifetime = absoluteLifetime;
    }

    /** How long a session may stay unused before it ends. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** How long a session may last at most, however active. */
    public Duration absoluteLifetime() {
        return absoluteLifetime;
    }

    /** One session of a person. */
    public record ActiveSession(String id, String device, Instant signedInAt, Instant lastSeen) {
    }

    private record Device(String summary, Instant signedInAt) implements Serializable {
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            if (request.getSession(false) != null) {
                remember(request.getSession(false), request.getHeader("User-Agent"));
            }
        }
    }

    /** Records a session that has just signed in (also used by sign-in methods outside the form). */
    public void remember(HttpSession session, String userAgent) {
        Instant now = Instant.now();
        session.setAttribute(SIGNED_IN_AT, now);
        devices.put(session.getId(), new Device(summarize(userAgent), now));
    }

    /** When the session signed in (its start, for a session from before this was recorded). */
    public static Instant signedInAt(HttpSession session) {
        return session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at : Instant.ofEpochMilli(session.getCreationTime());
    }

    @EventListener
    void ended(SessionDestroyedEvent event) {
        devices.remove(event.getId());
    }

    public List<ActiveSession> sessionsOf(UUID userId) {
        return principals(userId).stream()
                .flatMap(principal -> registry.getAllSessions(principal, false).stream())
                .map(session -> {
                    Device device = devices.getOrDefault(session.getSessionId(), new Device("Unknown device", null));
                    return new ActiveSession(session.getSessionId(), device.summary(), device.signedInAt(), session.getLastRequest().toInstant());
                })
                .sorted(Comparator.comparing(ActiveSession::lastSeen).reversed())
                .toList();
    }

    /**
     * Ends every session of the person except {@code keep} (null: all), on every node: here at once, and on
     * other nodes at their next request through the shared revocation.
     *
     * @return how many sessions this node ended
     */
    public int endSessions(UUID userId, HttpSession keep) {
        Instant now = Instant.now();
        revocations.revoke(userId, now);
        if (keep != null) {
            keep.setAttribute(SIGNED_IN_AT, now);
        }
        int ended = 0;
        for (Object principal : principals(userId)) {
            for (SessionInformation session : registry.getAllSessions(principal, false)) {
                if (keep == null || !session.getSessionId().equals(keep.getId())) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }

    private List<Object> principals(UUID userId) {
        return registry.getAllPrincipals().stream()
                .filter(p -> p instanceof SignedInUser user && userId.equals(user.id()))
                .toList();
    }

    /** "Firefox on Linux", "Chrome on Android": enough to recognise a device, too coarse to fingerprint it. */
    static String summarize(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        String browser = userAgent.contains("Edg/") ? "Edge" : userAgent.contains("Firefox/") ? "Firefox"
                : userAgent.contains("Chrome/") || userAgent.contains("Chromium/") ? "Chrome"
                : userAgent.contains("Safari/") ? "Safari" : "Browser";
        String system = userAgent.contains("Android") ? "Android" : userAgent.contains("iPhone") || userAgent.contains("iPad") ? "iOS"
                : userAgent.contains("Windows") ? "Windows" : userAgent.contains("Mac OS") ? "macOS"
                : userAgent.contains("Linux") ? "Linux" : "another system";
        return browser + " on " + system;
    }
}
