package com.classentra.plugins.email.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderException;
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
    void headerNamesAndAddressesCannotInjectHeadersOrRecipients() throws Exception {
        EmailSender sender = sender();
        EmailMessage base = message("inject", null);
        for (String name : new String[] {"X-Evil\r\nBcc: attacker@example.com", "Content-Type", "bcc", "X Space"}) {
            EmailMessage evil = new EmailMessage("k-" + name.hashCode(), base.from(), base.to(), null, base.subject(),
                    base.textBody(), null, Map.of(name, "v"));
            assertThatThrownBy(() -> sender.send(evil)).isInstanceOfSatisfying(ProviderException.class,
                    e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.PERMANENT));
        }
        assertThatThrownBy(() -> EmailAddress.of("a@example.com, attacker@example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmailAddress.of("a@example.com\r\nBcc: b@example.com")).isInstanceOf(IllegalArgumentException.class);

        EmailMessage quoted = new EmailMessage("quoted", base.from(),
                List.of(new EmailAddress("ops@example.com", "Ops, \"Team\" <x@evil.example>")), null, "Hi", "Body", null, Map.of());
        sender.send(quoted);
        String eml = Files.readString(Files.list(work.resolve("mailbox")).filter(p -> p.toString().endsWith(".eml")).findFirst().orElseThrow());
        assertThat(eml).contains("To: \"Ops, \\\"Team\\\" <x@evil.example>\" <ops@example.com>");
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
