package com.classentra.plugins.errors.sentry;

import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import com.classentra.plugin.api.errors.ErrorEvent;
import com.classentra.plugin.api.errors.ErrorReporter;
import com.classentra.plugin.api.errors.PersonalDataScrubber;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Posts each report as an envelope to the project's envelope endpoint, synchronously, so the platform's queue
 * knows whether it arrived. A 429 is honoured: until its Retry-After has passed, reports fail at once as
 * RETRYABLE without a request, as Sentry asks of its clients.
 */
final class SentryReporter implements ErrorReporter {

    /** When Sentry says 429 without saying for how long. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    private final SentryDsn dsn;
    private final String environment;
    private final String client;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private volatile Instant quietUntil = Instant.MIN;

    SentryReporter(SentryDsn dsn, String environment, String client, Duration timeout, Clock clock) {
        this.dsn = dsn;
        this.environment = environment;
        this.client = client;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void report(ErrorEvent event) throws ProviderException {
        Instant now = clock.instant();
        if (now.isBefore(quietUntil)) {
            throw new ProviderException(Kind.RETRYABLE, "Sentry asked for no reports before " + quietUntil + " (HTTP 429)");
        }
        // The platform scrubbed already; this second pass keeps a missed rule there from reaching a third party.
        ErrorEvent scrubbed = PersonalDataScrubber.scrub(event, List.of());
        HttpResponse<String> response = post(SentryEnvelope.event(dsn, scrubbed, environment, client, now));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 429) {
            Duration wait = retryAfter(response).orElse(DEFAULT_RETRY_AFTER);
            quietUntil = now.plus(wait);
            throw new ProviderException(Kind.RETRYABLE, "Sentry is rate limiting this project (HTTP 429); next report in " + wait.toSeconds() + " s");
        }
        throw failure(status, response.body());
    }

    /** Sends an empty client report: proves the host answers and accepts the key, and records nothing. */
    @Override
    public HealthReport checkHealth() {
        String where = "Sentry at " + dsn.hostAndPort() + " (project " + dsn.projectId() + ")";
        try {
            HttpResponse<String> response = post(SentryEnvelope.emptyClientReport(dsn, clock.instant()));
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return HealthReport.healthy(where + " accepts reports");
            }
            if (status == 429) {
                return HealthReport.healthy(where + " accepts the key but is rate limiting this project for now (HTTP 429)");
            }
            return HealthReport.unhealthy(failure(status, response.body()).getMessage());
        } catch (ProviderException e) {
            return HealthReport.unhealthy(e.getMessage());
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private HttpResponse<String> post(byte[] envelope) throws ProviderException {
        HttpRequest request = HttpRequest.newBuilder(dsn.envelopeEndpoint())
                .timeout(timeout)
                .header("Content-Type", "application/x-sentry-envelope")
                .header("User-Agent", client)
                .header("X-Sentry-Auth", "Sentry sentry_version=7, sentry_client=" + client + ", sentry_key=" + dsn.publicKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProviderException(Kind.RETRYABLE, "Sentry at " + dsn.hostAndPort() + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new ProviderException(Kind.RETRYABLE, "Cannot reach Sentry at " + dsn.hostAndPort() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.RETRYABLE, "Interrupted while sending to Sentry", e);
        }
    }

    private ProviderException failure(int status, String body) {
        String firstLine = body == null ? "" : body.strip().lines().findFirst().orElse("");
        String detail = firstLine.isEmpty() ? "" : ": " + firstLine.substring(0, Math.min(200, firstLine.length()));
        String what = "Sentry at " + dsn.hostAndPort() + " answered HTTP " + status + detail;
        if (status == 401 || status == 403) {
            return new ProviderException(Kind.MISCONFIGURED, what + " (is the DSN's key right, and the project still there?)");
        }
        if (status >= 500 || status == 408) {
            return new ProviderException(Kind.RETRYABLE, what);
        }
        // 400, 413 and the rest of 4xx: this report will never be accepted as it is.
        return new ProviderException(Kind.PERMANENT, what);
    }

    /** Retry-After in seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant until = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), until);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notADate) {
                    return Optional.empty();
                }
            }
        });
    }
}
