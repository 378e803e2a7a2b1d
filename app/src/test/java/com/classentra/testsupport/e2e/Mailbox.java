package com.classentra.testsupport.e2e;

import com.classentra.platform.outbox.OutboxDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;

/**
 * The email-local provider's mailbox of the application under test,
 * {@code <classentra.data-directory>/plugin-data/email-local/mailbox/*.eml}. Test contexts dispatch the outbox
 * only hourly, so {@link #newestTo} first sends what is queued, then reads; nothing waits on a timer.
 */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')\\]]+");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?[Bb]\\?([^?]*)\\?=");

    private final Path directory;
    private final OutboxDispatcher dispatcher;

    Mailbox(ApplicationContext application) {
        this(Path.of(application.getEnvironment().getRequiredProperty("classentra.data-directory"))
                .resolve("plugin-data").resolve("email-local").resolve("mailbox"), application.getBean(OutboxDispatcher.class));
    }

    Mailbox(Path directory, OutboxDispatcher dispatcher) {
        this.directory = directory;
        this.dispatcher = dispatcher;
    }

    /** Sends every queued email now, through the active email provider; returns how many rows were handled. */
    public int deliverQueued() {
        return dispatcher == null ? 0 : dispatcher.dispatchDue(100, Duration.ofSeconds(30));
    }

    /** Every message in the mailbox, newest first. */
    public List<Email> messages() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(Mailbox::modified).reversed().thenComparing(Path::getFileName))
                    .map(Mailbox::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers what is queued, then returns the newest message to that address; fails the test when there is none. */
    public Email newestTo(String address) {
        deliverQueued();
        return messages().stream()
                .filter(m -> m.to().toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No email to " + address + " in " + directory));
    }

    /**
     * Delivers what is queued, then returns the newest link containing {@code part} in any email to that
     * address (two emails may land within the same clock tick, so "newest file" alone is not enough).
     */
    public String linkTo(String address, String part) {
        deliverQueued();
        return messages().stream()
                .filter(m -> m.to().toLowerCase(Locale.ROOT).contains(address.toLowerCase(Locale.ROOT)))
                .flatMap(m -> m.links().stream())
                .filter(link -> link.contains(part))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No email to " + address + " with a link containing " + part + " in " + directory));
    }

    /** A message as a person would read it: decoded headers, text and HTML parts (null when absent). */
    public record Email(Path file, Map<String, String> headers, String text, String html) {

        /** A header by case-insensitive name, RFC 2047 words decoded; empty when absent. */
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        public String subject() {
            return header("Subject");
        }

        public String to() {
            return header("To");
        }

        /** Every http(s) link in the text part (the HTML part carries the same ones), in order. */
        public List<String> links() {
            List<String> links = new ArrayList<>();
            Matcher matcher = LINK.matcher(text == null ? "" : text);
            while (matcher.find()) {
                links.add(matcher.group());
            }
            return links;
        }

        /** The first link that contains this text, such as "/verify?"; fails the test when there is none. */
        public String link(String containing) {
            return links().stream().filter(l -> l.contains(containing)).findFirst()
                    .orElseThrow(() -> new AssertionError("No link containing " + containing + " in " + file + ": " + links()));
        }
    }

    static Email read(Path file) {
        try {
            return parse(file, Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enough MIME for what email-local writes: one text part or multipart/alternative, base64 bodies, B-encoded words. */
    static Email parse(Path file, String raw) {
        Part message = Part.of(raw.replace("\r\n", "\n"));
        String text = null;
        String html = null;
        for (Part part : message.leaves()) {
            String type = part.contentType();
            if (type.startsWith("text/plain") && text == null) {
                text = part.decodedBody();
            } else if (type.startsWith("text/html") && html == null) {
                html = part.decodedBody();
            }
        }
        return new Email(file, message.headers(), text, html);
    }

    private record Part(Map<String, String> headers, String body) {

        static Part of(String raw) {
            int end = raw.indexOf("\n\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : head.replaceAll("\n[ \t]+", " ").split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), decodeWords(line.substring(colon + 1).strip()));
                }
            }
            return new Part(headers, end < 0 ? "" : raw.substring(end + 2));
        }

        String contentType() {
            return headers.getOrDefault("content-type", "text/plain").toLowerCase(Locale.ROOT);
        }

        List<Part> leaves() {
            Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE)
                    .matcher(headers.getOrDefault("content-type", ""));
            if (!contentType().startsWith("multipart/") || !boundary.find()) {
                return List.of(this);
            }
            String delimiter = "--" + boundary.group(1);
            String[] sections = body.split("(^|\n)" + Pattern.quote(delimiter));
            List<Part> parts = new ArrayList<>();
            for (int i = 1; i < sections.length; i++) {
                if (sections[i].startsWith("--")) {
                    break;
                }
                parts.addAll(Part.of(sections[i].startsWith("\n") ? sections[i].substring(1) : sections[i]).leaves());
            }
            return parts;
        }

        String decodedBody() {
            Matcher charsetParameter = Pattern.compile("charset=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE).matcher(contentType());
            Charset charset = charsetParameter.find() ? Charset.forName(charsetParameter.group(1)) : StandardCharsets.US_ASCII;
            String encoding = headers.getOrDefault("content-transfer-encoding", "7bit").toLowerCase(Locale.ROOT);
            return switch (encoding) {
                case "base64" -> new String(Base64.getMimeDecoder().decode(body.strip()), charset);
                default -> body;
            };
        }
    }

    private static String decodeWords(String value) {
        Matcher word = ENCODED_WORD.matcher(value);
        StringBuilder out = new StringBuilder();
        while (word.find()) {
            String decoded = new String(Base64.getDecoder().decode(word.group(2)), Charset.forName(word.group(1)));
            word.appendReplacement(out, Matcher.quoteReplacement(decoded));
        }
        return word.appendTail(out).toString();
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
