package com.classentra.platform.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders email templates from {@code email-templates/<template>/<language>/}: {@code subject.txt},
 * {@code body.txt} and {@code body.html}, the last wrapped in {@code email-templates/layout/<language>/layout.html} at its {@code <!--content-->} marker.
 * {@code {{name}}} is replaced by the variable's value (HTML-escaped in the HTML part). A language without
 * its own files falls back to English. A variable the template uses but the caller did not give fails,
 * so a half-filled email is never queued.
 */
@Component
public class EmailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z0-9]*)}}");
    private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

    public Rendered render(String template, Locale locale, Map<String, String> variables) {
        String language = load(template, locale, "subject.txt").isPresent() ? locale.getLanguage() : "en";
        Locale chosen = Locale.forLanguageTag(language);
        String subject = fill(required(template, chosen, "subject.txt"), variables, false).strip();
        String text = fill(required(template, chosen, "body.txt"), variables, false);
        String html = load(template, chosen, "body.html")
                .map(body -> fill(required("layout", chosen, "layout.html"), Map.of("subject", subject), true)
                        .replace("<!--content-->", fill(body, variables, true)))
                .orElse(null);
        return new Rendered(language, subject, text, html);
    }

    private String required(String template, Locale locale, String file) {
        return load(template, locale, file).orElseThrow(() ->
                new IllegalArgumentException("Missing email template file " + path(template, locale, file)));
    }

    private Optional<String> load(String template, Locale locale, String file) {
        return cache.computeIfAbsent(path(template, locale, file), path -> {
            ClassPathResource resource = new ClassPathResource(path);
            if (!resource.exists()) {
                return Optional.empty();
            }
            try (InputStream in = resource.getInputStream()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String path(String template, Locale locale, String file) {
        return "email-templates/" + template + "/" + locale.getLanguage() + "/" + file;
    }

    private static String fill(String text, Map<String, String> variables, boolean html) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Email template needs a value for " + matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value, "UTF-8") : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A rendered email; {@code html} is null for text-only templates. */
    public record Rendered(String language, String subject, String text, String html) {
    }
}
