package com.classentra.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.plugin.api.errors.ErrorEvent;
import com.classentra.plugin.api.errors.PersonalDataScrubber;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataScrubberTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbWVsaWUifQ.c2lnbmF0dXJlLXZhbHVlLTEyMw";

    @Test
    void removesEmailsTokensCookiesAndSecretParameters() {
        String scrubbed = PersonalDataScrubber.scrub("""
                Cannot notify amelie.tremblay@example.com: GET /reset?token=abc123def&page=2 failed
                Authorization: Bearer sk_live_51HqLyjWDarjtT1zdp7dcXYZ
                Cookie: JSESSIONID=0F3C9A; remember-me=yes
                jwt %s sent to smtp://mailer:hunter2@smtp.example.net:587
                ERROR: duplicate key value violates unique constraint "app_user_email_key" Detail: Key (email)=(someone@example.org) already exists.
                api key 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 and dGhpcyBpcyBhIHNlY3JldCB2YWx1ZSAxMjM0NQ==
                """.formatted(JWT));

        assertThat(scrubbed).doesNotContain("amelie", "example.com", "abc123def", "sk_live", "0F3C9A", "remember-me", "eyJ",
                "hunter2", "mailer", "someone", "9f86d081", "dGhpcyBp");
        assertThat(scrubbed).contains("[email]", "token=[scrubbed]", "page=2", "Authorization: [scrubbed]", "Cookie: [scrubbed]",
                "[jwt]", "smtp://[scrubbed]@smtp.example.net:587", "Key (email)=([scrubbed])", "[hex]", "[secret]");
    }

    @Test
    void removesKnownPersonalValuesAsWholeWordsOnly() {
        String scrubbed = PersonalDataScrubber.scrub("Course of Amélie Tremblay (tremblay) not found for AMÉLIE; TremblayService failed",
                List.of("Amélie Tremblay", "amelie@example.com"));
        assertThat(scrubbed).isEqualTo("Course of [personal] ([personal]) not found for [personal]; TremblayService failed");
    }

    @Test
    void removesNamesThatARecordPrintedIntoTheMessage() {
        String scrubbed = PersonalDataScrubber.scrub(
                "Cannot grade Student[id=7, displayName=Amélie Tremblay, firstName: Zoë] in file_name=essay.pdf; filename=essay.pdf");
        assertThat(scrubbed).isEqualTo(
                "Cannot grade Student[id=7, displayName=[scrubbed], firstName: [scrubbed]] in file_name=essay.pdf; filename=essay.pdf");
    }

    @Test
    void keepsCodeIdentifiersInStackFrames() {
        String frame = "com.classentra.platform.plugins.SlotRegistry.lambda$isolated$0(SlotRegistry.java:312)";
        String longName = "com.classentra.ExampleTest.aProviderThatThrowsOrHangsIsIsolatedAndCounted(ExampleTest.java:12)";
        assertThat(PersonalDataScrubber.scrub(frame)).isEqualTo(frame);
        assertThat(PersonalDataScrubber.scrub(longName)).isEqualTo(longName);
    }

    @Test
    void scrubsEveryTextOfAnEventAndShortensLongMessages() {
        ErrorEvent event = new ErrorEvent("e1", Instant.EPOCH, "java.lang.IllegalStateException", "x".repeat(5000) + " bob@example.com",
                List.of("com.example.Mail.send(Mail.java:1)"), "1.0", Map.of("route", "/profile?session=abc&x=1", "user.email", "b@x.org", "node", "Bob Builder's laptop"));
        ErrorEvent scrubbed = PersonalDataScrubber.scrub(event, List.of("Bob Builder"));
        assertThat(scrubbed.message()).hasSize(PersonalDataScrubber.MAX_MESSAGE_LENGTH + 1).doesNotContain("bob@");
        assertThat(scrubbed.tags()).containsEntry("route", "/profile?session=[scrubbed]&x=1").containsEntry("user.email", "[scrubbed]")
                .containsEntry("node", "[personal]'s laptop");
        assertThat(scrubbed.stackFrames()).containsExactly("com.example.Mail.send(Mail.java:1)");
        assertThat(scrubbed.exceptionType()).isEqualTo("java.lang.IllegalStateException");
    }
}
