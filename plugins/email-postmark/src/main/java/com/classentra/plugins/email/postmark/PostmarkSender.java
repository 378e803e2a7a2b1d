package com.classentra.plugins.email.postmark;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.email.EmailAddress;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.plugin.api.email.ExtraHeaders;
import com.classentra.plugin.api.email.SendReceipt;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /email on the configured message stream.
 *
 * <p>Postmark has no idempotency key. The outbox's lease keeps two nodes from sending the same row at once,
 * but when Postmark accepts a message and its answer is lost (a timeout or a reset connection), the outbox
 * sends the row again and the recipient gets a second copy: delivery is at least once, with one extra copy
 * per lost answer at most. The row id travels as Metadata, so such copies can be found in Postmark's activity.
 */
final class PostmarkSender implements EmailSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Postmark ErrorCodes that no message can get past until the account or settings change. */
    private static final Set<Integer> ACCOUNT_ERRORS = Set.of(
            10,   // bad or missing server token
            400,  // sender signature not found
            401,  // sender signature not confirmed
            405,  // not allowed to send (e.g. out of credits)
            412,  // account pending approval
            413); // account may not send
    /** Postmark ErrorCodes that are temporary. */
    private static final Set<Integer> TEMPORARY_ERRORS = Set.of(
            100,  // maintenance
            429); // rate limit exceeded

    private final URI baseUrl;
    private final String serverToken;
    private final String messageStream;
    private final Duration timeout;
    private final HttpClient http;

    PostmarkSender(URI baseUrl, String serverToken, String messageStream, Duration timeout) {
        this.baseUrl = baseUrl;
        this.serverToken = serverToken;
        this.messageStream = messageStream;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public SendReceipt send(EmailMessage message) throws ProviderException {
        ObjectNode email;
        try {
            email = email(message);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(Kind.PERMANENT, "Cannot build the message: " + e.getMessage(), e);
        }
        HttpResponse<String> response = call(endpoint("/email")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(email)))
                .build());
        JsonNode answer = parse(response.body());
        String messageId = answer.path("MessageID").asString("");
        if (response.statusCode() == 200 && answer.path("ErrorCode").asInt(0) == 0 && !messageId.isEmpty()) {
            return new SendReceipt(messageId);
        }
        throw failure(response.statusCode(), answer, response.body());
    }

    /** Reads the server the token belongs to: proves the address is Postmark and the token is accepted. */
    @Override
    public HealthReport checkHealth() {
        HttpResponse<String> response;
        try {
            response = call(endpoint("/server").GET().build());
        } catch (ProviderException e) {
            return HealthReport.unhealthy(e.getMessage());
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() == 200) {
            return HealthReport.healthy("Postmark accepted the server token of server \"" + answer.path("Name").asString("?")
                    + "\"; sending on stream " + messageStream);
        }
        return HealthReport.unhealthy(failure(response.statusCode(), answer, response.body()).getMessage());
    }

    private ObjectNode email(EmailMessage message) {
        ObjectNode email = JSON.createObjectNode();
        email.put("From", message.from().mailbox());
        email.put("To", message.to().stream().map(EmailAddress::mailbox).collect(Collectors.joining(", ")));
        email.put("Subject", message.subject());
        email.put("TextBody", message.textBody());
        if (message.htmlBody() != null) {
            email.put("HtmlBody", message.htmlBody());
        }
        if (message.replyTo() != null) {
            email.put("ReplyTo", message.replyTo().mailbox());
        }
        ArrayNode headers = email.putArray("Headers");
        ExtraHeaders.of(message).forEach((name, value) -> headers.addObject().put("Name", name).put("Value", value));
        email.put("MessageStream", messageStream);
        email.putObject("Metadata").put("outbox-id", message.idempotencyKey());
        return email;
    }

    private HttpRequest.Builder endpoint(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.toString().replaceAll("/+$", "") + path))
                .timeout(timeout)
                .header("X-Postmark-Server-Token", serverToken)
                .header("Accept", "application/json")
                .header("User-Agent", "Classentra email-postmark");
    }

    private HttpResponse<String> call(HttpRequest request) throws ProviderException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.RETRYABLE, "Postmark did not answer within " + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new ProviderException(Kind.RETRYABLE, "Cannot connect to Postmark at " + baseUrl, e);
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRYABLE, "The connection to Postmark at " + baseUrl + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.RETRYABLE, "Interrupted while waiting for Postmark", e);
        }
    }

    /** Postmark answers errors as {ErrorCode, Message}: 401 for a bad token, 422 with a code for the rest. */
    static ProviderException failure(int status, JsonNode answer, String body) {
        int code = answer.path("ErrorCode").asInt(-1);
        String detail = answer.path("Message").asString(body.strip());
        String text = "Postmark answered " + status + (code < 0 ? "" : " (ErrorCode " + code + ")") + ": "
                + (detail.length() > 300 ? detail.substring(0, 300) + "…" : detail);
        Kind kind;
        if (status == 429 || status >= 500 || TEMPORARY_ERRORS.contains(code)) {
            kind = Kind.RETRYABLE;
        } else if (status / 100 == 3 || status == 401 || status == 403 || status == 404 || ACCOUNT_ERRORS.contains(code)) {
            kind = Kind.MISCONFIGURED;
        } else {
            // 300 invalid request, 406 inactive (bounced, complained, suppressed) recipient, and the other 4xx
            // about this message: sending it again cannot succeed.
            kind = Kind.PERMANENT;
        }
        return new ProviderException(kind, text);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            // Not JSON (a proxy's error page, say): callers fall back to the raw text.
            return JSON.missingNode();
        }
    }
}
