package com.classentra.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.testsupport.ClassentraTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** What an anonymous visitor and a scraper can and cannot reach, over real HTTP. */
@ClassentraTest
class WebSecurityTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    Environment environment;

    private HttpResponse<String> get(String portProperty, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + environment.getProperty(portProperty) + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> publicGet(String path, String... headers) throws Exception {
        return get("local.server.port", path, headers);
    }

    @Test
    void anonymousRequestsToAdminViewsAreSentToSignIn() throws Exception {
        for (String path : new String[] {"/admin/subprocessors", "/admin", "/teacher", "/student", "/"}) {
            HttpResponse<String> response = publicGet(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
        }
    }

    @Test
    void signInTheSubprocessorPageAndTheFirstRunPageAreOpenToAnonymousVisitors() throws Exception {
        assertThat(publicGet("/login").statusCode()).isEqualTo(200);
        HttpResponse<String> subprocessors = publicGet("/subprocessors");
        assertThat(subprocessors.statusCode()).isEqualTo(200);
        assertThat(subprocessors.headers().firstValue("Location")).isEmpty();
        HttpResponse<String> setup = publicGet("/setup?token=not-the-token");
        assertThat(setup.statusCode()).isEqualTo(200);
        assertThat(setup.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void metricsAndHealthAreNotServedOnThePublicPort() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator"}) {
            HttpResponse<String> response = publicGet(path);
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("jvm_memory").doesNotContain("\"status\"");
        }
    }

    @Test
    void theManagementPortServesPrometheusAndPerSlotHealth() throws Exception {
        publicGet("/login");
        HttpResponse<String> metrics = get("local.management.port", "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections").contains("http_server_requests");

        HttpResponse<String> health = get("local.management.port", "/actuator/health/slots");
        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(health.body()).contains("\"email\"").contains("\"storage\"").contains("\"video\"").contains("\"payments\"")
                .contains("\"ai\"").contains("\"rate-limits\"").contains("\"errors\"");
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> login = publicGet("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        // Pages under Tomcat's 8 KB buffer used to lose every header below (the forward to Vaadin's servlet).
        assertThat(login.body().length()).as("page size").isLessThan(8192);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'").contains("default-src 'self'").contains("object-src 'none'");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();

        HttpResponse<String> behindTls = publicGet("/login", "X-Forwarded-Proto", "https");
        assertThat(behindTls.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");
    }
}
