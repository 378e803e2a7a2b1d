package com.classentra.plugins.email.ses;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.plugin.api.email.SendReceipt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/** Sends each message with one SES SendEmail call (simple content: subject, text and optional HTML, headers). */
final class SesEmailSender implements EmailSender {

    /** RFC 5322 field names: printable ASCII without colon. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]{1,76}");
    /** Headers SES builds from the request fields; a caller must set those through the message, not as headers. */
    private static final Set<String> RESERVED_HEADERS = Set.of("from", "to", "cc", "bcc", "reply-to", "subject", "date",
            "message-id", "mime-version", "content-type", "content-transfer-encoding", "sender", "return-path");

    private final SesV2Client client;
    private final String region;
    private final String configurationSet;

    SesEmailSender(SesV2Client client, String region, String configurationSet) {
        this.client = client;
        this.region = region;
        this.configurationSet = configurationSet;
    }

    @Override
    public SendReceipt send(EmailMessage message) throws ProviderException {
        SendEmailRequest request = request(message);
        try {
            return new SendReceipt(client.sendEmail(request).messageId());
        } catch (SdkException e) {
            throw SesFailures.classify("SES did not accept the message", e);
        }
    }

    SendEmailRequest request(EmailMessage message) throws ProviderException {
        Body.Builder body = Body.builder().text(utf8(message.textBody()));
        if (message.htmlBody() != null) {
            body.html(utf8(message.htmlBody()));
        }
        Message content = Message.builder()
                .subject(utf8(message.subject()))
                .body(body.build())
                .headers(headers(message.headers()))
                .build();
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(mailbox(message.from()))
                .destination(d -> d.toAddresses(message.to().stream().map(SesEmailSender::mailbox).toList()))
                .content(c -> c.simple(content))
                .configurationSetName(configurationSet);
        if (message.replyTo() != null) {
            request.replyToAddresses(mailbox(message.replyTo()));
        }
        return request.build();
    }

    @Override
    public HealthReport checkHealth() {
        GetAccountResponse account;
        try {
            account = client.getAccount(r -> { });
        } catch (SdkException e) {
            return HealthReport.unhealthy(SesFailures.classify("SES in " + region + " did not answer", e).getMessage());
        }
        if (!Boolean.TRUE.equals(account.sendingEnabled())) {
            return HealthReport.unhealthy("Sending is paused for this SES account in " + region + ".");
        }
        String access = Boolean.TRUE.equals(account.productionAccessEnabled())
                ? "production access" : "sandbox (verified recipients only)";
        return HealthReport.healthy("SES in " + region + " can send, " + access + ".");
    }

    @Override
    public void close() {
        client.close();
    }

    private static Content utf8(String text) {
        return Content.builder().data(text).charset("UTF-8").build();
    }

    private static List<MessageHeader> headers(Map<String, String> extra) throws ProviderException {
        List<MessageHeader> headers = new ArrayList<>();
        for (Map.Entry<String, String> header : extra.entrySet()) {
            String name = header.getKey();
            if (!HEADER_NAME.matcher(name).matches() || RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new ProviderException(Kind.PERMANENT, "Header not allowed: " + name);
            }
            // A value can never start a new header line.
            headers.add(MessageHeader.builder().name(name).value(header.getValue().replaceAll("[\r\n]+", " ")).build());
        }
        return headers;
    }

    /** "Name <address>", with the name quoted, or RFC 2047 encoded when it is not ASCII, as SES requires. */
    static String mailbox(EmailAddress address) {
        String name = address.displayName();
        if (name == null || name.isBlank()) {
            return address.address();
        }
        String phrase = StandardCharsets.US_ASCII.newEncoder().canEncode(name)
                ? '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"'
                : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=";
        return phrase + " <" + address.address() + ">";
    }
}
