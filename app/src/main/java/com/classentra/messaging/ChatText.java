package com.classentra.messaging;

import com.classentra.platform.text.RichText;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * What people type in the chat box, as the message's HTML: paragraphs and line breaks, **bold**, *italics*, `code`,
 * and web addresses as links. The result goes through {@link RichText#sanitize} like any rich text.
 */
public final class ChatText {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<]+[^\\s<.,;:!?)\\]'\"]");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])\\*([^*\\n]+)\\*(?![*\\w])");

    private ChatText() {
    }

    public static String toHtml(String typed) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : (typed == null ? "" : typed).strip().split("\\n\\s*\\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(inline(paragraph.strip())).append("</p>");
            }
        }
        return RichText.sanitize(html.toString());
    }

    private static String inline(String text) {
        String escaped = Entities.escape(text);
        escaped = CODE.matcher(escaped).replaceAll("<code>$1</code>");
        escaped = BOLD.matcher(escaped).replaceAll("<b>$1</b>");
        escaped = ITALIC.matcher(escaped).replaceAll("<i>$1</i>");
        Matcher links = LINK.matcher(escaped);
        escaped = links.replaceAll(match -> Matcher.quoteReplacement("<a href=\"" + match.group() + "\">" + match.group() + "</a>"));
        return escaped.replace("\n", "<br>");
    }

    /** A message's HTML back as it was typed, for editing: the markup it came from, links as their addresses. */
    public static String toTyped(String html) {
        List<String> paragraphs = new java.util.ArrayList<>();
        for (org.jsoup.nodes.Element paragraph : org.jsoup.Jsoup.parseBodyFragment(html == null ? "" : html).body().children()) {
            StringBuilder typed = new StringBuilder();
            typed(paragraph, typed);
            paragraphs.add(typed.toString().strip());
        }
        return String.join("\n\n", paragraphs);
    }

    private static void typed(org.jsoup.nodes.Node node, StringBuilder out) {
        for (org.jsoup.nodes.Node child : node.childNodes()) {
            if (child instanceof org.jsoup.nodes.TextNode textNode) {
                out.append(textNode.getWholeText());
            } else if (child instanceof org.jsoup.nodes.Element element) {
                switch (element.tagName()) {
                    case "br" -> out.append('\n');
                    case "b", "strong" -> wrap(element, "**", out);
                    case "i", "em" -> wrap(element, "*", out);
                    case "code" -> wrap(element, "`", out);
                    case "a" -> out.append(element.attr("href"));
                    default -> typed(element, out);
                }
            }
        }
    }

    private static void wrap(org.jsoup.nodes.Element element, String mark, StringBuilder out) {
        out.append(mark);
        typed(element, out);
        out.append(mark);
    }
}
