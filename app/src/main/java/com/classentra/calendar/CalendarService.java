package com.classentra.calendar;

import com.classentra.accounts.AccountPrincipals;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.security.SignedInUser.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import com.classentra.platform.db.ScopedTransactions;

/**
 * A person's calendar: their own events plus the sessions and due dates of their courses (a teacher's
 * workspace courses, a student's active enrolments), and the secret address of its ICS feed. Work runs in
 * the person's scope (teacher: their workspace; student: themselves), so row-level security applies.
 */
@Service
public class CalendarService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarRepository calendar;
    private final ScopedTransactions scoped;
    private final ClassentraProperties properties;
    private final AccountPrincipals principals;

    CalendarService(CalendarRepository calendar, ScopedTransactions scoped, ClassentraProperties properties, AccountPrincipals principals) {
        this.calendar = calendar;
        this.scoped = scoped;
        this.properties = properties;
        this.principals = principals;
    }

    /** A saved event, or messages keyed by form field. */
    public record Saved(CalendarEntry event, Map<String, String> problems) {
    }

    /** Everything on the person's calendar that overlaps the range, by start. */
    public List<CalendarEntry> entries(SignedInUser user, Instant from, Instant to) {
        return inScopeOf(user, () -> {
            List<CalendarEntry> entries = new ArrayList<>(calendar.personalEvents(user.id(), from, to));
            if (user.teachesInWorkspace()) {
                entries.addAll(calendar.teachingItems(user.tenantId(), from, to));
            } else if (user.has(Role.STUDENT)) {
                entries.addAll(calendar.learningItems(user.id(), from, to));
            }
            entries.sort(Comparator.comparing(CalendarEntry::startsAt).thenComparing(CalendarEntry::title));
            return entries;
        });
    }

    public Saved create(SignedInUser user, EventForm form) {
        Map<String, String> problems = validate(form);
        if (!problems.isEmpty()) {
            return new Saved(null, problems);
        }
        UUID id = UUID.randomUUID();
        return new Saved(inScopeOf(user, () -> {
            calendar.insert(id, user.id(), form);
            return calendar.personalEvent(user.id(), id).orElseThrow();
        }), Map.of());
    }

    public Saved update(SignedInUser user, UUID eventId, EventForm form) {
        Map<String, String> problems = validate(form);
        if (!problems.isEmpty()) {
            return new Saved(null, problems);
        }
        return new Saved(inScopeOf(user, () -> {
            if (!calendar.update(user.id(), eventId, form)) {
                throw new CalendarEventNotFoundException();
            }
            return calendar.personalEvent(user.id(), eventId).orElseThrow();
        }), Map.of());
    }

    public void delete(SignedInUser user, UUID eventId) {
        inScopeOf(user, () -> {
            if (!calendar.delete(user.id(), eventId)) {
                throw new CalendarEventNotFoundException();
            }
            return null;
        });
    }

    /**
     * Makes a new secret feed address and returns it; any earlier address stops working. Only the token's
     * SHA-256 is stored, so this is the one moment the address can be shown.
     */
    public String newFeedAddress(SignedInUser user) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        inScopeOf(user, () -> {
            calendar.replaceFeedToken(user.id(), sha256Hex(token));
            return null;
        });
        return properties.publicUrl() + "/calendar/feed/" + token + ".ics";
    }

    /** When the current feed address was made; empty when the feed is off. */
    public Optional<Instant> feedCreatedAt(SignedInUser user) {
        return inScopeOf(user, () -> calendar.feedCreatedAt(user.id()));
    }

    /** Turns the feed off: its address stops working. */
    public void turnOffFeed(SignedInUser user) {
        inScopeOf(user, () -> {
            calendar.deleteFeed(user.id());
            return null;
        });
    }

    /**
     * What the feed with this token shows for the range, read in its owner's own scope as if they were signed
     * in; empty for an unknown or replaced token and for a suspended account.
     */
    Optional<List<CalendarEntry>> feedEntries(String token, Instant from, Instant to) {
        // Nobody is signed in: the SECURITY DEFINER lookup reads the token table itself and answers only with an id.
        Optional<UUID> owner = calendar.feedOwner(sha256Hex(token));
        return owner.flatMap(principals::activeAccount).map(user -> entries(user, from, to));
    }

    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A teacher without a workspace yet still has a calendar (their own events); operators have none. */
    private <T> T inScopeOf(SignedInUser user, Supplier<T> work) {
        if (!user.has(Role.TEACHER) && !user.has(Role.STUDENT)) {
            throw new AccessDeniedException("Calendars are for teachers and students");
        }
        return scoped.in(user.dbScope(), work);
    }

    private static Map<String, String> validate(EventForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (form.title() == null || form.title().isBlank()) {
            problems.put("title", "Give the event a title");
        } else if (form.title().strip().length() > 200) {
            problems.put("title", "Use at most 200 characters");
        }
        if (form.startsAt() == null) {
            problems.put("startsAt", "Choose when it starts");
        }
        if (form.endsAt() == null) {
            problems.put("endsAt", "Choose when it ends");
        } else if (form.startsAt() != null && form.endsAt().isBefore(form.startsAt())) {
            problems.put("endsAt", "The event cannot end before it starts");
        }
        if (form.notes() != null && form.notes().strip().length() > 5000) {
            problems.put("notes", "Use at most 5,000 characters");
        }
        return problems;
    }
}
