package com.classentra.plugins.email.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.SendReceipt;
import com.classentra.plugins.email.smtp.SmtpRelayProvider.Security;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpRelayTest {

    private static final String USER = "relay-user";
    private static final String PASSWORD = "s3cret-Relay-Pass";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.SMTPS}))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay@classentra.test", USER, PASSWORD));

    private static EmailMessage message(String key) {
        return new EmailMessage(key, new EmailAddress("noreply@classentra.test", "Classentra Académie"),
                List.of(new EmailAddress("amelie@example.com", "Amélie Tremblay")), EmailAddress.of("help@classentra.test"),
                "Vérifiez votre adresse ✓", "Open this link: https://x.test/v/1\nMerci", "<p>Ouvrez <a href=\"https://x.test/v/1\">ce lien</a></p>",
                Map.of("X-Injected", "ok\r\nBcc: attacker@evil.test", "List-Unsubscribe", "<https://x.test/u/1>"));
    }

    private static SmtpRelay relay(int port, Security security, String password, boolean trust, Duration timeout) {
        return new SmtpRelay(new SmtpRelay.Settings("127.0.0.1", port, security, password == null ? null : USER, password, trust, timeout));
    }

    private static SmtpRelay plainRelay(String password) {
        return relay(greenMail.getSmtp().getPort(), Security.NONE, password, false, Duration.ofSeconds(5));
    }

    @Test
    void deliversMultipartMessageWithEncodedNamesThroughAnAuthenticatedRelay() throws Exception {
        SendReceipt receipt = plainRelay(PASSWORD).send(message("outbox-42"));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(receipt.providerMessageId()).isEqualTo(mail.getHeader("Message-ID")[0]).endsWith(".classentra@classentra.test>");
        assertThat(mail.getSubject()).isEqualTo("Vérifiez votre adresse ✓");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Classentra Académie");
        InternetAddress to = (InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("amelie@example.com");
        assertThat(to.getPersonal()).isEqualTo("Amélie Tremblay");
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("help@classentra.test");
        assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<https://x.test/u/1>");

        MimeMultipart alternative = (MimeMultipart) mail.getContent();
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(alternative.getBodyPart(0).getContent()).asString().isEqualToNormalizingNewlines("Open this link: https://x.test/v/1\nMerci");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(alternative.getBodyPart(1).getContent()).asString().contains("Ouvrez <a href=\"https://x.test/v/1\">ce lien</a>");

        // The raw headers carry encoded words, not bare UTF-8, and the injected line stayed inside its header.
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("Subject: =?UTF-8?").doesNotContain("\r\nBcc:");
        assertThat(mail.getHeader("X-Injected")).containsExactly("ok Bcc: attacker@evil.test");
        assertThat(greenMail.getUserManager().getUserByEmail("attacker@evil.test")).isNull();
    }

    @Test
    void theSameOutboxRowAlwaysGetsTheSameMessageId() throws Exception {
        SmtpRelay relay = plainRelay(PASSWORD);
        String first = relay.send(message("outbox-7")).providerMessageId();
        String again = relay.send(message("outbox-7")).providerMessageId();
        String other = relay.send(message("outbox-8")).providerMessageId();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getHeader("Message-ID")[0]).containsExactly(first, first, other);
    }

    @Test
    void displayNamesAndExtraHeadersCannotAddRecipientsOrHeaders() throws Exception {
        SmtpRelay relay = plainRelay(PASSWORD);
        EmailMessage quoted = new EmailMessage("quoted", EmailAddress.of("noreply@classentra.test"),
                List.of(new EmailAddress("ops@example.com", "Ops, \"Team\" <x@evil.test>")), null, "Hi", "Body", null, Map.of());
        relay.send(quoted);
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()).hasSize(1);
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo("ops@example.com");
        // GreenMail opens a mailbox for every envelope recipient it delivers to.
        assertThat(greenMail.getUserManager().getUserByEmail("x@evil.test")).isNull();
        assertThat(greenMail.getUserManager().getUserByEmail("ops@example.com")).isNotNull();

        for (String name : new String[] {"X-Evil\r\nBcc: attacker@evil.test", "Content-Type", "bcc", "X Space"}) {
            EmailMessage evil = new EmailMessage("k", quoted.from(), quoted.to(), null, "Hi", "Body", null, Map.of(name, "v"));
            assertKind(() -> relay.send(evil), Kind.PERMANENT);
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void implicitTlsWorksWithATrustedCertificateAndRefusesAnUntrustedOne() throws Exception {
        int smtps = greenMail.getSmtps().getPort();
        SmtpRelay trusting = relay(smtps, Security.TLS, PASSWORD, true, Duration.ofSeconds(5));
        assertThat(trusting.checkHealth().healthy()).isTrue();
        trusting.send(message("tls-1"));
        assertThat(greenMail.getReceivedMessages()).hasSize(1);

        // GreenMail's certificate is self-signed: without the administrator's say-so it must not be accepted.
        SmtpRelay checking = relay(smtps, Security.TLS, PASSWORD, false, Duration.ofSeconds(5));
        assertKind(() -> checking.send(message("tls-2")), Kind.MISCONFIGURED);
        assertThat(checking.checkHealth().detail()).startsWith("TLS with the relay 127.0.0.1:" + smtps + " failed");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void starttlsIsRequiredNotOptionalSoARelayWithoutItIsRefused() {
        SmtpRelay relay = relay(greenMail.getSmtp().getPort(), Security.STARTTLS, PASSWORD, false, Duration.ofSeconds(5));
        assertKind(() -> relay.send(message("starttls")), Kind.MISCONFIGURED);
        assertThat(relay.checkHealth().detail()).contains("does not offer STARTTLS");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void wrongPasswordIsMisconfiguredAndNeverShown() {
        SmtpRelay relay = plainRelay("wrong-password-123");
        ProviderException failure = assertKind(() -> relay.send(message("auth")), Kind.MISCONFIGURED);
        assertThat(failure.getMessage()).contains("refused the user name or password").doesNotContain("wrong-password-123");

        HealthReport health = relay.checkHealth();
        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).contains("535").doesNotContain("wrong-password-123");
        assertThat(plainRelay(PASSWORD).checkHealth()).isEqualTo(HealthReport.healthy(
                "Connected to 127.0.0.1:" + greenMail.getSmtp().getPort() + " (none) and signed in as " + USER));
        assertThat(new SmtpRelay.Settings("h", 1, Security.NONE, USER, PASSWORD, false, Duration.ZERO).toString()).doesNotContain(PASSWORD);
    }

    @Test
    void connectionRefusedIsRetryable() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        SmtpRelay relay = relay(closedPort, Security.NONE, null, false, Duration.ofSeconds(2));
        assertKind(() -> relay.send(message("refused")), Kind.RETRYABLE);
        assertThat(relay.checkHealth().detail()).startsWith("Cannot connect to the relay 127.0.0.1:" + closedPort);
    }

    @Test
    void recipientRefusalsAre5xxPermanentAnd4xxRetryable() throws Exception {
        try (ScriptedSmtpPeer unknownUser = new ScriptedSmtpPeer(Map.of("RCPT", "550 5.1.1 <amelie@example.com>: user unknown"));
             ScriptedSmtpPeer busyMailbox = new ScriptedSmtpPeer(Map.of("RCPT", "450 4.2.1 mailbox busy, try later"))) {
            ProviderException unknown = assertKind(() -> scripted(unknownUser).send(message("r1")), Kind.PERMANENT);
            assertThat(unknown.getMessage()).contains("550 5.1.1");
            assertThat(unknownUser.commands).noneMatch(c -> c.equals("DATA"));
            assertKind(() -> scripted(busyMailbox).send(message("r2")), Kind.RETRYABLE);
        }
    }

    @Test
    void replyCodesAfterDataAndForTheSenderAreMapped() throws Exception {
        try (ScriptedSmtpPeer rejected = new ScriptedSmtpPeer(Map.of("END", "554 5.7.1 message rejected as spam"));
             ScriptedSmtpPeer full = new ScriptedSmtpPeer(Map.of("END", "452 4.3.1 insufficient system storage"));
             ScriptedSmtpPeer senderRefused = new ScriptedSmtpPeer(Map.of("MAIL", "553 5.7.1 sender not allowed to relay"));
             ScriptedSmtpPeer closing = new ScriptedSmtpPeer(Map.of("GREETING", "421 4.3.2 service shutting down"))) {
            assertKind(() -> scripted(rejected).send(message("d1")), Kind.PERMANENT);
            assertKind(() -> scripted(full).send(message("d2")), Kind.RETRYABLE);
            assertKind(() -> scripted(senderRefused).send(message("d3")), Kind.MISCONFIGURED);
            assertKind(() -> scripted(closing).send(message("d4")), Kind.RETRYABLE);
        }
    }

    @Test
    void aRelayThatNeverAnswersTimesOutAsRetryable() throws Exception {
        try (ScriptedSmtpPeer silent = new ScriptedSmtpPeer(Map.of("GREETING", ""))) {
            SmtpRelay relay = relay(silent.port(), Security.NONE, null, false, Duration.ofMillis(300));
            long started = System.nanoTime();
            assertKind(() -> relay.send(message("slow")), Kind.RETRYABLE);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aConnectionIsReusedWhileItAnswersAndReplacedWhenItDoesNot() throws Exception {
        try (ScriptedSmtpPeer relayPeer = new ScriptedSmtpPeer(Map.of());
             ScriptedSmtpPeer dropsIdleClients = new ScriptedSmtpPeer(Map.of("NOOP", "421 4.4.2 idle too long, closing"))) {
            SmtpRelay relay = scripted(relayPeer);
            relay.send(message("c1"));
            relay.send(message("c2"));
            relay.send(message("c3"));
            assertThat(relayPeer.commands).filteredOn(c -> c.startsWith("EHLO")).hasSize(1);
            assertThat(relayPeer.commands).filteredOn(c -> c.startsWith("MAIL FROM")).hasSize(3);
            assertThat(relayPeer.commands).filteredOn(c -> c.equals("NOOP")).hasSize(2);
            relay.close();
            assertThat(relayPeer.commands).last().isEqualTo("QUIT");

            SmtpRelay stale = scripted(dropsIdleClients);
            stale.send(message("s1"));
            stale.send(message("s2"));
            assertThat(dropsIdleClients.commands).filteredOn(c -> c.startsWith("EHLO")).hasSize(2);
            assertThat(dropsIdleClients.commands).filteredOn(c -> c.startsWith("MAIL FROM")).hasSize(2);
        }
    }

    private static SmtpRelay scripted(ScriptedSmtpPeer peer) {
        return relay(peer.port(), Security.NONE, null, false, Duration.ofSeconds(5));
    }

    private static ProviderException assertKind(ThrowingCallable call, Kind kind) {
        ProviderException[] caught = new ProviderException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            caught[0] = e;
        });
        return caught[0];
    }
}
