package com.classentra.classwork;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the web addresses teachers paste. A link must be an absolute http(s) address with a host and no
 * credentials; a meeting link must be an https invitation of Zoom, Google Meet or Microsoft Teams, so a
 * student never joins "a class" on a look-alike site.
 */
public final class ExternalLinks {

    private static final int MAX_LENGTH = 2000;
    private static final Pattern MEET_CODE = Pattern.compile("/[a-z]{3}-[a-z]{4}-[a-z]{3}");
    private static final Pattern ZOOM_PATH = Pattern.compile("/(j|w|s|my)/[A-Za-z0-9._-]+");

    private ExternalLinks() {
    }

    /** Why the address is not a link we accept; empty when it is fine. */
    public static Optional<String> linkProblem(String url) {
        return parse(url, false).isPresent() ? Optional.empty()
                : Optional.of("Enter a full web address starting with https:// or http://");
    }

    /** Why the address is not a Zoom, Meet or Teams meeting link; empty when it is one. */
    public static Optional<String> meetingProblem(String url) {
        Optional<URI> uri = parse(url, true);
        if (uri.isEmpty()) {
            return Optional.of("Enter the meeting's https:// invitation link");
        }
        String host = uri.get().getHost().toLowerCase(Locale.ROOT);
        String path = uri.get().getPath() == null ? "" : uri.get().getPath();
        boolean zoom = (host.equals("zoom.us") || host.endsWith(".zoom.us") || host.equals("zoomgov.com") || host.endsWith(".zoomgov.com"))
                && ZOOM_PATH.matcher(path).lookingAt();
        boolean meet = host.equals("meet.google.com") && MEET_CODE.matcher(path).matches();
        boolean teams = (host.equals("teams.microsoft.com") && (path.startsWith("/l/meetup-join/") || path.startsWith("/meet/")))
                || (host.equals("teams.live.com") && path.startsWith("/meet/"));
        return zoom || meet || teams ? Optional.empty()
                : Optional.of("Use a Zoom (zoom.us/j/…), Google Meet (meet.google.com/abc-defg-hij) or Microsoft Teams meeting link");
    }

    /** The host a link points to, shown next to it so people see where it leads. */
    public static String host(String url) {
        return parse(url, false).map(URI::getHost).map(h -> h.startsWith("www.") ? h.substring(4) : h).orElse("");
    }

    /** The provider's name for a valid meeting link. */
    public static String meetingProvider(String url) {
        String host = host(url);
        return host.contains("zoom") ? "Zoom" : host.equals("meet.google.com") ? "Google Meet" : "Microsoft Teams";
    }

    private static Optional<URI> parse(String url, boolean httpsOnly) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean schemeOk = httpsOnly ? scheme.equals("https") : scheme.equals("https") || scheme.equals("http");
            if (!schemeOk || uri.getHost() == null || uri.getRawUserInfo() != null || !uri.getHost().contains(".")) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
