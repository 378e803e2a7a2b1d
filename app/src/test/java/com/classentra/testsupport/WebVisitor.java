package com.classentra.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser without a page engine, for tests of what the server answers: its own cookies, no automatic
 * redirects, and the sign-in form posted as a person would.
 */
public final class WebVisitor {

    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    /** @param port the application's port ({@code local.server.port}) */
    public WebVisitor(String port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("User-Agent", USER_AGENT).build());
    }

    public HttpResponse<String> signIn(String email, String password) {
        get("/login");
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", USER_AGENT).POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Whether the session is signed in: the settings page answers only to someone who is. */
    public boolean signedIn() {
        return get("/settings").statusCode() == 200;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
