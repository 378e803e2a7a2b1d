package com.classentra.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RichTextTest {

    @Test
    void keepsFormattingAndRemovesEverythingActive() {
        String clean = RichText.sanitize("<h2>Week 1</h2><p style=\"x\" onmouseover=\"a()\">Read <i>this</i><img src=x onerror=alert(1)>"
                + "<iframe src=\"https://evil.example\"></iframe><a href=\"mailto:t@example.com\">mail</a></p>");

        assertThat(clean).isEqualTo("<h2>Week 1</h2><p>Read <i>this</i><a href=\"mailto:t@example.com\" rel=\"noopener noreferrer nofollow\">mail</a></p>");
        assertThat(RichText.sanitize(null)).isEmpty();
    }

    @Test
    void paragraphsRoundTripThroughThePlainTextEditor() {
        assertThat(RichText.plainParagraphs("<p>First line<br>second line</p><p>Next &amp; last</p>"))
                .isEqualTo("First line\nsecond line\n\nNext & last");
    }
}
