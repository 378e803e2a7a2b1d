package com.classentra.plugins.email.ses;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.plugin.api.email.ExtraHeaders;
import com.classentra.plugin.api.email.SendReceipt;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
                .headers(headers(message))
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

    /** The message's extra headers under the rule every email plugin applies (ExtraHeaders). */
    private static List<MessageHeader> headers(EmailMessage message) throws ProviderException {
        try {
            return ExtraHeaders.of(message).entrySet().stream()
                    .map(header -> MessageHeader.builder().name(header.getKey()).value(header.getValue()).build()).toList();
        } catch (IllegalArgumentException e) {
            throw new ProviderException(Kind.PERMANENT, e.getMessage(), e);
        }
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
