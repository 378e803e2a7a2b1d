package com.classentra.plugins.video.daily;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
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
import tools.jackson.databind.node.ObjectNode;

/** Daily's REST API: JSON over HTTPS, the API key as bearer token, errors as {@code {error, info}}. */
final class DailyApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;

    DailyApi(URI base, String apiKey, Duration timeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    JsonNode get(String path) throws ProviderException {
        return send(request(path).GET().build(), "GET " + path);
    }

    JsonNode post(String path, ObjectNode body) throws ProviderException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), "POST " + path);
    }

    JsonNode delete(String path) throws ProviderException {
        return send(request(path).DELETE().build(), "DELETE " + path);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "application/json")
                .header("User-Agent", "Classentra video-daily");
    }

    private JsonNode send(HttpRequest request, String call) throws ProviderException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.RETRYABLE, "Daily did not answer within " + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new ProviderException(Kind.RETRYABLE, "Cannot connect to Daily at " + base, e);
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRYABLE, "The connection to Daily at " + base + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.RETRYABLE, "Interrupted while waiting for Daily", e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() / 100 == 2) {
            return answer;
        }
        throw failure(call, response.statusCode(), answer, response.body());
    }

    static DailyFailure failure(String call, int status, JsonNode answer, String body) {
        String type = answer.path("error").asString("");
        String info = answer.path("info").asString(body.strip());
        String text = "Daily answered " + status + (type.isEmpty() ? "" : " (" + type + ")") + " to " + call + ": "
                + (info.length() > 300 ? info.substring(0, 300) + "…" : info);
        Kind kind;
        if (status == 401 || status == 403 || type.equals("authorization-header-error")) {
            text = "Daily refused the API key (" + status + "): " + info;
            kind = Kind.MISCONFIGURED;
        } else if (status == 429 || status >= 500) {
            kind = Kind.RETRYABLE;
        } else {
            kind = Kind.PERMANENT;
        }
        return new DailyFailure(kind, text, status, info);
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    /** A refused call with its status and Daily's words, so callers can take "not found" as done. */
    static final class DailyFailure extends ProviderException {
        private final int status;
        private final String info;

        DailyFailure(Kind kind, String message, int status, String info) {
            super(kind, message);
            this.status = status;
            this.info = info;
        }

        int status() {
            return status;
        }

        String info() {
            return info;
        }
    }
}
