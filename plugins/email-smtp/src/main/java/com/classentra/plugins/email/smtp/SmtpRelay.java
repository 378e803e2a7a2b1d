package com.classentra.plugins.email.smtp;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.plugin.api.email.ExtraHeaders;
import com.classentra.plugin.api.email.SendReceipt;
import com.classentra.plugins.email.smtp.SmtpRelayProvider.Security;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * Sends messages over a few reused SMTP connections (connect, EHLO, STARTTLS and AUTH once, then MAIL/RCPT/DATA
 * per message): a new TLS session and sign-in for every message would cost several round trips each. A connection
 * is checked with NOOP before it is reused, and closed after {@link #IDLE_LIMIT} unused. The Message-ID derives from the idempotency key: the relay gives no idempotency, so when a connection
 * breaks after the relay took the message but before it said so, the outbox sends the row again and the
 * copy carries the same Message-ID, which lets mail systems and readers recognise it as a repeat.
 */
final class SmtpRelay implements EmailSender {

    /** Relays drop idle clients after a few minutes; closing earlier spares a failed NOOP. */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(30);
    /** The outbox's dispatch runs one batch at a time per node: a few connections cover several nodes' worth. */
    private static final int MAX_IDLE_CONNECTIONS = 4;

    private final Settings settings;
    private final Session session;
    private final BlockingDeque<Idle> connections = new LinkedBlockingDeque<>();
    private volatile boolean closed;

    SmtpRelay(Settings settings) {
        this.settings = settings;
        this.session = withPluginClassLoader(() -> Session.getInstance(properties(settings)));
    }

    @Override
    public SendReceipt send(EmailMessage message) throws ProviderException {
        String messageId = messageId(message);
        MimeMessage mime;
        try {
            mime = withPluginClassLoader(() -> mime(message, messageId));
        } catch (IllegalArgumentException | MessagingException e) {
            throw new ProviderException(ProviderException.Kind.PERMANENT, "Cannot build the message: " + e.getMessage(), e);
        }
        try {
            withPluginClassLoader(() -> {
                Transport transport = borrow();
                try {
                    transport.sendMessage(mime, mime.getAllRecipients());
                } catch (MessagingException e) {
                    // The connection's state after a refusal is unknown: never reuse it.
                    closeQuietly(transport);
                    throw e;
                }
                giveBack(transport);
                return null;
            });
        } catch (MessagingException e) {
            throw SmtpFailures.classify(e, settings.relay());
        }
        return new SendReceipt(messageId);
    }

    /** An idle connection that still answers NOOP, or a new one. */
    private Transport borrow() throws MessagingException {
        Idle idle;
        while ((idle = connections.pollFirst()) != null) {
            if (idle.since.plus(IDLE_LIMIT).isAfter(Instant.now()) && idle.transport.isConnected()) {
                return idle.transport;
            }
            closeQuietly(idle.transport);
        }
        Transport transport = session.getTransport();
        try {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw e;
        }
        return transport;
    }

    private void giveBack(Transport transport) {
        if (closed || connections.size() >= MAX_IDLE_CONNECTIONS || !connections.offerFirst(new Idle(transport, Instant.now()))) {
            closeQuietly(transport);
        }
    }

    @Override
    public void close() {
        closed = true;
        Idle idle;
        while ((idle = connections.pollFirst()) != null) {
            Transport transport = idle.transport;
            withPluginClassLoader(() -> {
                closeQuietly(transport);
                return null;
            });
        }
    }

    private record Idle(Transport transport, Instant since) {
    }

    /** Connects, says EHLO, upgrades to TLS and signs in as a real send would, then quits. */
    @Override
    public HealthReport checkHealth() {
        try {
            withPluginClassLoader(() -> {
                Transport transport = session.getTransport();
                try {
                    transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                } finally {
                    closeQuietly(transport);
                }
                return null;
            });
        } catch (MessagingException e) {
            return HealthReport.unhealthy(SmtpFailures.classify(e, settings.relay()).getMessage());
        }
        return HealthReport.healthy("Connected to " + settings.relay() + " (" + settings.security().option + ")"
                + (settings.username() == null ? "" : " and signed in as " + settings.username()));
    }

    private MimeMessage mime(EmailMessage message, String messageId) throws MessagingException {
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mime.setFrom(internet(message.from()));
        mime.setRecipients(Message.RecipientType.TO, message.to().stream().map(SmtpRelay::internet).toArray(InternetAddress[]::new));
        if (message.replyTo() != null) {
            mime.setReplyTo(new InternetAddress[] {internet(message.replyTo())});
        }
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(new Date());
        for (Map.Entry<String, String> header : ExtraHeaders.of(message).entrySet()) {
            mime.setHeader(header.getKey(), MimeUtility.fold(header.getKey().length() + 2, encoded(header.getValue())));
        }
        if (message.htmlBody() == null) {
            mime.setText(message.textBody(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.textBody(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.htmlBody(), StandardCharsets.UTF_8.name(), "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        mime.saveChanges();
        return mime;
    }

    /** Display names are RFC 2047-encoded or quoted by InternetAddress, so they cannot add recipients. */
    private static InternetAddress internet(EmailAddress address) {
        try {
            return new InternetAddress(address.address(), address.displayName(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** A header value as RFC 2047 encoded words when it is not plain ASCII. */
    private static String encoded(String value) {
        try {
            return MimeUtility.encodeText(value, StandardCharsets.UTF_8.name(), null);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** {@code <hash of the idempotency key@sender's domain>}: the same outbox row always gets the same id. */
    static String messageId(EmailMessage message) {
        String from = message.from().address();
        String domain = from.substring(from.lastIndexOf('@') + 1);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(message.idempotencyKey().getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest, 0, 16) + ".classentra@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // QUIT failed after the work was done: the message (if any) was already accepted, nothing to undo.
        }
    }

    private static Properties properties(Settings settings) {
        String protocol = settings.security() == Security.TLS ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", protocol);
        properties.setProperty(prefix + "host", settings.host());
        properties.setProperty(prefix + "port", Integer.toString(settings.port()));
        properties.setProperty(prefix + "auth", Boolean.toString(settings.username() != null));
        String millis = Long.toString(settings.timeout().toMillis());
        properties.setProperty(prefix + "connectiontimeout", millis);
        properties.setProperty(prefix + "timeout", millis);
        properties.setProperty(prefix + "writetimeout", millis);
        if (settings.security() == Security.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            // Never fall back to plain text when the relay (or someone in between) hides STARTTLS.
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (settings.security() != Security.NONE) {
            properties.setProperty(prefix + "ssl.protocols", "TLSv1.2 TLSv1.3");
            if (settings.trustServerCertificate()) {
                properties.setProperty(prefix + "ssl.trust", settings.host());
                properties.setProperty(prefix + "ssl.checkserveridentity", "false");
            } else {
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
        }
        return properties;
    }

    /**
     * Jakarta Mail finds its SMTP provider, stream provider and MIME handlers through the thread's context
     * class loader. Inside PF4J that may be the application's loader, which does not see the plugin's copy of
     * Jakarta Mail, so every Jakarta Mail call runs with this plugin's loader as context loader.
     */
    private static <T, E extends Exception> T withPluginClassLoader(MailWork<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SmtpRelay.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface MailWork<T, E extends Exception> {
        T run() throws E;
    }

    /** Connection settings of the relay. */
    record Settings(String host, int port, Security security, String username, String password,
            boolean trustServerCertificate, Duration timeout) {

        String relay() {
            return host + ":" + port;
        }

        /** Leaves the password out, so the settings never print it into a log. */
        @Override
        public String toString() {
            return "Settings[" + relay() + ", " + security.option + ", user=" + username + "]";
        }
    }
}
