package com.classentra.messaging;

import com.classentra.files.StagedUpload;
import com.classentra.platform.text.OffPlatformPayments;
import com.classentra.platform.text.RichText;
import java.util.List;
import org.jsoup.Jsoup;

/** What people send into a chat, checked before anything is stored: a message's text, its files, a reaction's emoji. */
final class ChatInput {

    /** The most files one message carries. */
    static final int MAX_FILES = 5;

    private ChatInput() {
    }

    /** Sanitised HTML, its text for search, and why it awaits fraud review (a link to another payment site). */
    record Body(String html, String text, String flagged) {
    }

    /** The message's sanitised text; empty only when files go with it. */
    static Body body(String html, boolean withFiles) {
        String clean = RichText.sanitize(html);
        String text = Jsoup.parse(clean).text().strip();
        if (text.isEmpty() && !withFiles) {
            throw new MessagingRefusedException("Write something first.");
        }
        if (text.length() > MessagingService.MAX_TEXT) {
            throw new MessagingRefusedException("Messages are at most " + MessagingService.MAX_TEXT + " characters; this one has " + text.length() + ".");
        }
        return new Body(clean, text, OffPlatformPayments.reason(clean).orElse(null));
    }

    static void requireFewFiles(List<StagedUpload> files) {
        if (files.size() > MAX_FILES) {
            throw new MessagingRefusedException("Send at most " + MAX_FILES + " files with one message.");
        }
    }

    static String emoji(String emoji) {
        String chosen = emoji == null ? "" : emoji.strip();
        // An emoji, possibly with modifiers and joiners: no letters, digits or markup.
        if (chosen.isEmpty() || chosen.length() > 16 || chosen.codePoints().anyMatch(c -> Character.isLetterOrDigit(c) || c == '<' || c == '>')) {
            throw new MessagingRefusedException("Choose an emoji to react with.");
        }
        return chosen;
    }
}
