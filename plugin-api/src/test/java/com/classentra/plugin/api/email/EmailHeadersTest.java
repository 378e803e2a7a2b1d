package com.classentra.plugin.api.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailHeadersTest {

    private static EmailMessage withHeaders(Map<String, String> headers) {
        return new EmailMessage("k", EmailAddress.of("a@example.com"), List.of(EmailAddress.of("b@example.com")), null,
                "Subject", "Body", null, headers);
    }

    @Test
    void extraHeaderValuesStayOnOneLineAndNamesThatWouldBreakTheMessageAreRefused() {
        assertThat(ExtraHeaders.of(withHeaders(Map.of("X-Tag", "a\r\nBcc: c@evil.test", "List-Unsubscribe", "<https://x.test/u>"))))
                .containsExactly(Map.entry("List-Unsubscribe", "<https://x.test/u>"), Map.entry("X-Tag", "a Bcc: c@evil.test"));
        for (String name : new String[] {"Bcc", "reply-to", "CONTENT-TYPE", "X-A\r\nBcc: c@evil.test", "X Space", "X:Colon", ""}) {
            assertThatThrownBy(() -> ExtraHeaders.of(withHeaders(Map.of(name, "v"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Header not allowed").hasMessageNotContaining("\n");
        }
    }

    @Test
    void mailboxQuotesNamesThatCouldReadAsAnotherAddress() {
        assertThat(EmailAddress.of("a@example.com").mailbox()).isEqualTo("a@example.com");
        assertThat(new EmailAddress("a@example.com", "Amélie Tremblay").mailbox()).isEqualTo("Amélie Tremblay <a@example.com>");
        assertThat(new EmailAddress("a@example.com", "Ops, \"Team\" <x@evil.test>").mailbox())
                .isEqualTo("\"Ops, \\\"Team\\\" <x@evil.test>\" <a@example.com>");
        assertThat(new EmailAddress("a@example.com", "J. R. \\ Smith").mailbox()).isEqualTo("\"J. R. \\\\ Smith\" <a@example.com>");
        assertThat(new EmailAddress("a@example.com", "  ").mailbox()).isEqualTo("a@example.com");
    }
}
