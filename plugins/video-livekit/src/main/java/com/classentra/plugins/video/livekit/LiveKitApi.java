package com.classentra.plugins.video.livekit;

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
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * LiveKit's server API: Twirp over HTTP with JSON bodies ({@code POST /twirp/livekit.<Service>/<Method>}), each call
 * authorised by a token of its own that carries only the grant the method needs and lives ten minutes.
 */
final class LiveKitApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CALL_TOKEN_VALIDITY = Duration.ofMinutes(10);

    private final URI server;
    private final String apiKey;
    private final String apiSecret;
    private final Duration timeout;
    private final HttpClient http;

    LiveKitApi(URI server, String apiKey, String apiSecret, Duration timeout) {
        this.server = URI.create(server.toString().replaceAll("/+$", ""));
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The server's address for clients: wss for https, ws for http. */
    URI clientServer() {
        return URI.create(server.toString().replaceFirst("^http", "ws"));
    }

    String apiKey() {
        return apiKey;
    }

    String apiSecret() {
        return apiSecret;
    }

    /** A signed token: {@code iss} the API key, valid from now for {@code validity}, with the given grant. */
    String token(ObjectNode claims, ObjectNode videoGrant, Instant now, Duration validity) {
        claims.put("iss", apiKey);
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(validity).getEpochSecond());
        claims.set("video", videoGrant);
        return Hs256.sign(claims, apiSecret);
    }

    /** Calls the method; answers the response body, or throws with LiveKit's own message. */
    JsonNode call(String service, String method, ObjectNode body, ObjectNode grant) throws ProviderException {
        String bearer = token(JSON.createObjectNode(), grant, Instant.now(), CALL_TOKEN_VALIDITY);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server + "/twirp/livekit." + service + "/" + method))
                .timeout(timeout)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Classentra video-livekit")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.RETRYABLE, "LiveKit did not answer within " + timeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new ProviderException(Kind.RETRYABLE, "Cannot connect to LiveKit at " + server, e);
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRYABLE, "The connection to LiveKit at " + server + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.RETRYABLE, "Interrupted while waiting for LiveKit", e);
        }
        if (response.statusCode() == 200) {
            return parse(response.body());
        }
        throw failure(method, response);
    }

    /** A Twirp error ({@code {code, msg}}), or the plain text LiveKit's authentication layer answers with. */
    static TwirpFailure failure(String method, HttpResponse<String> response) {
        int status = response.statusCode();
        boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        JsonNode error = json ? parse(response.body()) : JSON.missingNode();
        String code = error.path("code").asString("");
        String message = error.path("msg").asString(response.body().strip());
        String text = "LiveKit answered " + status + (code.isEmpty() ? "" : " (" + code + ")") + " to " + method + ": "
                + (message.length() > 300 ? message.substring(0, 300) + "…" : message);
        Kind kind;
        if (status == 401 || status == 403) {
            text = "LiveKit refused the API key and secret (" + status + "): " + message;
            kind = Kind.MISCONFIGURED;
        } else if (status == 408 || status == 429 || status >= 500) {
            kind = Kind.RETRYABLE;
        } else if (status == 404 && "bad_route".equals(code)) {
            // Not a LiveKit server, or one without this service (Egress).
            kind = Kind.MISCONFIGURED;
        } else {
            kind = Kind.PERMANENT;
        }
        return new TwirpFailure(kind, text, status, code);
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    /** A call LiveKit refused, with the Twirp code, so callers can take "not found" as done. */
    static final class TwirpFailure extends ProviderException {
        private final int status;
        private final String code;

        TwirpFailure(Kind kind, String message, int status, String code) {
            super(kind, message);
            this.status = status;
            this.code = code;
        }

        boolean notFound() {
            return status == 404 && "not_found".equals(code);
        }
    }
}
