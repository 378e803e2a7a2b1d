package com.classentra.messaging;

import com.classentra.platform.text.RichText;
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
}
