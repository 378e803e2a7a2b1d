package com.classentra.plugins.email.local;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.plugin.api.email.ExtraHeaders;
import com.classentra.plugin.api.email.SendReceipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes RFC 5322 messages (multipart/alternative when there is an HTML body) as .eml files that any mail
 * client opens. The file name derives from the idempotency key, so sending the same outbox row twice
 * leaves one file.
 */
final class LocalMailbox implements EmailSender {

    private final Path directory;

    LocalMailbox(Path directory) {
        this.directory = directory;
    }

    @Override
    public SendReceipt send(EmailMessage message) throws ProviderException {
        String id = sha256(message.idempotencyKey()).substring(0, 32);
        Path target = directory.resolve(id + ".eml");
        String messageId = "<" + id + "@classentra.local>";
        if (Files.exists(target)) {
            return new SendReceipt(messageId);
        }
        Path temp = directory.resolve("." + id + "." + UUID.randomUUID() + ".tmp");
        String rendered;
        try {
            rendered = render(message, messageId);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(ProviderException.Kind.PERMANENT, e.getMessage(), e);
        }
        try {
            Files.writeString(temp, rendered, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            return new SendReceipt(messageId);
        } catch (FileAlreadyExistsException e) {
            return new SendReceipt(messageId);
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.RETRYABLE, "Cannot write to the mailbox: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray temp file is harmless; the message itself was handled above
            }
        }
    }

    @Override
    public HealthReport checkHealth() {
        if (Files.isDirectory(directory) && Files.isWritable(directory)) {
            return HealthReport.healthy("Writing messages to " + directory);
        }
        return HealthReport.unhealthy("Mailbox directory " + directory + " is missing or not writable");
    }

    static String render(EmailMessage message, String messageId) {
        StringBuilder out = new StringBuilder();
        header(out, "Message-ID", messageId);
        header(out, "Date", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        header(out, "From", address(message.from()));
        header(out, "To", message.to().stream().map(LocalMailbox::address).collect(Collectors.joining(", ")));
        if (message.replyTo() != null) {
            header(out, "Reply-To", address(message.replyTo()));
        }
        header(out, "Subject", encodeWord(message.subject()));
        ExtraHeaders.of(message).forEach((name, value) -> header(out, name, value));
        header(out, "MIME-Version", "1.0");
        if (message.htmlBody() == null) {
            part(out, "text/plain", message.textBody());
        } else {
            String boundary = "=_classentra_" + UUID.randomUUID();
            header(out, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
            out.append("\r\n");
            out.append("--").append(boundary).append("\r\n");
            part(out, "text/plain", message.textBody());
            out.append("--").append(boundary).append("\r\n");
            part(out, "text/html", message.htmlBody());
            out.append("--").append(boundary).append("--\r\n");
        }
        return out.toString();
    }

    private static void part(StringBuilder out, String type, String body) {
        header(out, "Content-Type", type + "; charset=UTF-8");
        header(out, "Content-Transfer-Encoding", "base64");
        out.append("\r\n");
        out.append(Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        out.append("\r\n");
    }

    private static void header(StringBuilder out, String name, String value) {
        // Header injection guard: a value can never start a new header line.
        out.append(name).append(": ").append(ExtraHeaders.oneLine(value)).append("\r\n");
    }

    private static String address(EmailAddress address) {
        if (address.displayName() == null || address.displayName().isBlank()) {
            return address.address();
        }
        String name = address.displayName();
        String phrase = StandardCharsets.US_ASCII.newEncoder().canEncode(name)
                ? "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : encodeWord(name);
        return phrase + " <" + address.address() + ">";
    }

    /** RFC 2047 encoded-word for non-ASCII text, plain text otherwise. */
    private static String encodeWord(String text) {
        if (StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            return text;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
