package com.classentra.plugin.api.errors;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes personal data and credentials from the text of an error report: email addresses, credentials in
 * URLs, authorization and cookie headers, bearer tokens, JWTs, secret-looking query parameters, PostgreSQL's
 * echo of row values, long hex or base64 strings, and any values the caller knows to be personal (the signed-in
 * person's email and name). The platform scrubs before it stores a report; a reporter plugin scrubs again
 * before the report leaves the server, so one missed rule on either side is not a leak.
 */
public final class PersonalDataScrubber {

    /** Longest message kept: a report needs the gist, not a request body pasted into an exception. */
    public static final int MAX_MESSAGE_LENGTH = 2000;

    /** Names shorter than this are too likely to be ordinary words inside code identifiers. */
    private static final int MIN_KNOWN_VALUE_LENGTH = 3;

    /** Applied in order: credentials inside URLs go before emails, or "user:password@host.example" would half survive. */
    private static final Map<Pattern, String> RULES = new LinkedHashMap<>();

    private static final Set<String> PERSONAL_KEY_WORDS = Set.of("name", "username", "email", "mail", "user",
            "ip", "address", "phone", "cookie", "token", "session", "password", "secret", "authorization");

    static {
        rule("(?i)\\b((?:set-)?cookie|(?:proxy-)?authorization|x-api-key|x-auth-token)(\\s*[:=]\\s*)[^\\r\\n]*", "$1$2[scrubbed]");
        rule("(?<=://)[^/@\\s]+@", "[scrubbed]@");
        rule("(?i)\\b(bearer|basic|token)\\s+[A-Za-z0-9._~+/=-]{8,}", "$1 [scrubbed]");
        rule("\\beyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*", "[jwt]");
        rule("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", "[email]");
        rule("(?i)\\b([\\w.-]*(?:pass(?:word|wd)?|secret|token|api[_-]?key|key|session(?:id)?|code|signature|sig|auth|credentials?)[\\w.-]*)=[^&\\s;,'\"<>)]+",
                "$1=[scrubbed]");
        // A record or bean printed into a message: "Student[id=7, displayName=Amélie Tremblay, ...]".
        rule("(?i)\\b((?:first|last|full|display|given|family|middle|sur|user|student|teacher|person|contact)?[_-]?name)(\\s*[=:]\\s*)[^,;&\\])}\\r\\n]+",
                "$1$2[scrubbed]");
        // PostgreSQL repeats the offending values in constraint errors: "Key (email)=(a@b.c)", "Failing row contains (...)".
        rule("(Key \\([^)]*\\)=\\()[^)]*\\)", "$1[scrubbed])");
        rule("(?i)(Failing row contains \\().*?\\)(?=\\.?\\s|\\.?$)", "$1[scrubbed])");
        rule("\\b[0-9a-fA-F]{32,}\\b", "[hex]");
        rule("(?<![A-Za-z0-9+/_-])(?=[A-Za-z0-9+/_-]*[0-9])(?=[A-Za-z0-9+/_-]*[A-Za-z])[A-Za-z0-9+/_-]{32,}={0,2}", "[secret]");
    }

    private PersonalDataScrubber() {
    }

    private static void rule(String regex, String replacement) {
        RULES.put(Pattern.compile(regex), replacement);
    }

    /** The text without the kinds of personal data and secrets listed above; null stays null. */
    public static String scrub(String text) {
        return scrub(text, List.of());
    }

    /**
     * Like {@link #scrub(String)}, and also removes each of {@code knownValues} (case-insensitive, as whole
     * words) and, for values of several words such as a full name, each word of it.
     */
    public static String scrub(String text, Collection<String> knownValues) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String value : knownValues.stream().flatMap(PersonalDataScrubber::withWords)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            result = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])")
                    .matcher(result).replaceAll("[personal]");
        }
        for (Map.Entry<Pattern, String> rule : RULES.entrySet()) {
            result = rule.getKey().matcher(result).replaceAll(rule.getValue());
        }
        return result;
    }

    /** A copy of the event with its message, frames and tag values scrubbed and the message shortened. */
    public static ErrorEvent scrub(ErrorEvent event, Collection<String> knownValues) {
        String message = scrub(event.message(), knownValues);
        if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH) + "…";
        }
        Map<String, String> tags = new LinkedHashMap<>();
        event.tags().forEach((key, value) -> tags.put(key, personalKey(key) ? "[scrubbed]" : scrub(value, knownValues)));
        return new ErrorEvent(event.eventId(), event.occurredAt(), event.exceptionType(), message,
                event.stackFrames().stream().map(frame -> scrub(frame, knownValues)).toList(), event.release(), tags);
    }

    /** A tag named like personal data ("user.email", "client_ip", "session-id") keeps its name, never its value. */
    private static boolean personalKey(String key) {
        return Pattern.compile("[._\\s-]+").splitAsStream(key.toLowerCase(Locale.ROOT)).anyMatch(PERSONAL_KEY_WORDS::contains);
    }

    private static Stream<String> withWords(String value) {
        if (value == null || value.isBlank()) {
            return Stream.empty();
        }
        String whole = value.strip();
        return Stream.concat(Stream.of(whole), Pattern.compile("[\\s,]+").splitAsStream(whole))
                .filter(part -> part.length() >= MIN_KNOWN_VALUE_LENGTH)
                .distinct();
    }
}
