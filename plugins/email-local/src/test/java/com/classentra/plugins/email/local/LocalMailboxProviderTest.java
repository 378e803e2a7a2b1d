package com.classentra.plugins.email.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMailboxProviderTest {

    @TempDir
    Path work;

    private EmailMessage message(String key, String html) {
        return new EmailMessage(key, new EmailAddress("noreply@classentra.test", "Classentra"),
                List.of(new EmailAddress("amelie@example.com", "Amélie Tremblay")), null,
                "Vérifiez votre adresse", "Open this link: https://x.test/v/1\nBye", html,
                Map.of("X-Injected", "ok\r\nBcc: attacker@example.com"));
    }

    private EmailSender sender() throws Exception {
        return new LocalMailboxProvider().create(ProviderConfig.empty(), new ProviderContext(work));
    }

    @Test
    void writesOneReadableEmlFilePerMessage() throws Exception {
        EmailSender sender = sender();
        var receipt = sender.send(message("outbox-1", "<p>Open <a href=\"https://x.test/v/1\">this link</a></p>"));

        List<Path> files;
        try (var listing = Files.list(work.resolve("mailbox"))) {
            files = listing.toList();
        }
        assertThat(files).hasSize(1);
        String eml = Files.readString(files.get(0));
        assertThat(eml).contains("Message-ID: " + receipt.providerMessageId())
                .contains("To: =?UTF-8?B?" + Base64.getEncoder().encodeToString("Amélie Tremblay".getBytes(StandardCharsets.UTF_8)))
                .contains("Subject: =?UTF-8?B?")
                .contains("multipart/alternative")
                .contains(Base64.getMimeEncoder().encodeToString("Open this link: https://x.test/v/1\nBye".getBytes(StandardCharsets.UTF_8)).lines().findFirst().orElseThrow());
        assertThat(eml).doesNotContain("\r\nBcc:");
        assertThat(sender.checkHealth().healthy()).isTrue();
    }

    @Test
    void sameIdempotencyKeyWritesOnce() throws Exception {
        EmailSender sender = sender();
        var first = sender.send(message("outbox-7", null));
        var second = sender.send(message("outbox-7", null));
        sender.send(message("outbox-8", null));

        assertThat(second).isEqualTo(first);
        try (var listing = Files.list(work.resolve("mailbox"))) {
            assertThat(listing.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(2);
        }
    }

    @Test
    void configuredDirectoryIsUsedAndUnwritableOneIsUnhealthy() throws Exception {
        Path custom = work.resolve("custom");
        EmailSender sender = new LocalMailboxProvider().create(
                new ProviderConfig(Map.of(LocalMailboxProvider.DIRECTORY, custom.toString())), new ProviderContext(work));
        sender.send(message("k", null));
        assertThat(Files.list(custom).count()).isEqualTo(1);

        Files.walk(custom).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertThat(sender.checkHealth().healthy()).isFalse();
    }
}
