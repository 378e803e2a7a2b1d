package com.classentra.platform.text;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Rich text written by people (course descriptions, materials, feedback) is reduced to an allow-list of
 * formatting on the way in: no scripts, no styles, no event handlers, links only to http(s) and mailto,
 * and every link opens without handing over the page (rel="noopener noreferrer nofollow").
 */
public final class RichText {

    private static final Safelist ALLOWED = Safelist.basic()
            .addTags("h2", "h3", "h4")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

    private RichText() {
    }

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, output).strip();
    }

    /** Paragraphs as plain text separated by blank lines, for editing in a text area. */
    public static String plainParagraphs(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document document = Jsoup.parse(html.replaceAll("(?i)<br\\s*/?>", "\n"));
        return String.join("\n\n", document.select("p").stream().map(p -> p.wholeText().strip()).toList());
    }

    /** Plain text typed in a text area as escaped HTML paragraphs (a blank line separates paragraphs). */
    public static String fromPlainParagraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : (text == null ? "" : text).strip().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(org.jsoup.nodes.Entities.escape(paragraph.strip()).replace("\n", "<br>")).append("</p>");
            }
        }
        return html.toString();
    }
}
