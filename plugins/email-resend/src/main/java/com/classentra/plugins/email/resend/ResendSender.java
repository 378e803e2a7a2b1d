package com.classentra.plugins.email.resend;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /emails with the outbox row id as Idempotency-Key: Resend answers a repeat of the same key within
 * 24 hours with the first response instead of sending again, so a retry after a lost answer is safe.
 */
final class ResendSender implements EmailSender {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    ResendSender(URI baseUrl, String apiKey, Duration timeout) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public SendReceipt send(EmailMessage message) throws ProviderException {
        String body;
        try {
            body = JSON.writeValueAsString(json(message));
        } catch (IllegalArgumentException e) {
            throw new ProviderException(Kind.PERMANENT, "Cannot build the message: " + e.getMessage(), e);
        }
        HttpRequest request = request("/emails")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() / 100 == 2) {
            String id = parse(response.body()).path("id").asString("");
            if (id.isEmpty()) {
                throw new ProviderException(Kind.RETRYABLE, "Resend answered " + response.statusCode() + " without a message id");
            }
            return new SendReceipt(id);
        }
        throw refusal(response);
    }

    /** Lists the account's domains: proves the address is Resend and the key is accepted. */
    @Override
    public HealthReport checkHealth() {
        HttpResponse<String> response;
        try {
            response = exchange(request("/domains").GET().build());
        } catch (ProviderException e) {
            return HealthReport.unhealthy(e.getMessage());
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() == 200) {
            long verified = answer.path("data").valueStream().filter(d -> d.path("status").asString("").equals("verified")).count();
            return HealthReport.healthy("Resend accepted the API key; " + verified + " verified sending domain(s)");
        }
        if (answer.path("name").asString("").equals("restricted_api_key")) {
            return HealthReport.healthy("Resend accepted the API key (a sending-only key, so domains are not listed)");
        }
        return HealthReport.unhealthy(refusal(response).getMessage());
    }

    private static ObjectNode json(EmailMessage message) {
        ObjectNode json = JSON.createObjectNode();
        json.put("from", message.from().mailbox());
        ArrayNode to = json.putArray("to");
        message.to().forEach(recipient -> to.add(recipient.mailbox()));
        json.put("subject", message.subject());
        json.put("text", message.textBody());
        if (message.htmlBody() != null) {
            json.put("html", message.htmlBody());
        }
        if (message.replyTo() != null) {
            json.putArray("reply_to").add(message.replyTo().mailbox());
        }
        ObjectNode headers = json.putObject("headers");
        ExtraHeaders.of(message).forEach(headers::put);
        return json;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.toString().replaceAll("/+$", "") + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", "Classentra email-resend");
    }

    private HttpResponse<String> exchange(HttpRequest request) throws ProviderException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.RETRYABLE, "Resend did not answer within " + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new ProviderException(Kind.RETRYABLE, "Cannot connect to Resend at " + baseUrl, e);
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRYABLE, "The connection to Resend at " + baseUrl + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.RETRYABLE, "Interrupted while waiting for Resend", e);
        }
    }

    /**
     * What an error answer means for the outbox. Resend's error body is {statusCode, name, message}; the name
     * tells apart the cases that share a status (see Resend's API reference, "Errors").
     */
    static ProviderException refusal(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode error = parse(response.body());
        String name = error.path("name").asString("");
        String detail = error.path("message").asString(response.body().strip());
        String text = "Resend answered " + status + (name.isEmpty() ? "" : " " + name) + ": "
                + (detail.length() > 300 ? detail.substring(0, 300) + "…" : detail);
        Kind kind;
        if (status == 429 || status >= 500 || name.equals("concurrent_idempotent_requests")) {
            kind = Kind.RETRYABLE;
        } else if (status / 100 == 3 || status == 401 || status == 403 || status == 404 || status == 405
                || name.equals("invalid_from_address")) {
            // A bad or missing key, an unverified sending domain, or an API address that is not Resend's:
            // no message can go out until an administrator changes the settings.
            kind = Kind.MISCONFIGURED;
        } else {
            // 400 and 422: this message (an address, a field, a reused idempotency key) will never be accepted.
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
