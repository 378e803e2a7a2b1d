package com.classentra.classwork;

import com.classentra.plugin.api.video.MeetingLink;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the web addresses teachers paste. A link must be an absolute http(s) address with a host and no
 * credentials; a meeting link is the video slot's {@link MeetingLink}.
 */
public final class ExternalLinks {

    private static final int MAX_LENGTH = 2000;

    private ExternalLinks() {
    }

    /** Why the address is not a link we accept; empty when it is fine. */
    public static Optional<String> linkProblem(String url) {
        return parse(url, false).isPresent() ? Optional.empty()
                : Optional.of("Enter a full web address starting with https:// or http://");
    }

    /** Why the address is not a Zoom, Meet or Teams meeting link; empty when it is one. */
    public static Optional<String> meetingProblem(String url) {
        try {
            MeetingLink.parse(url);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The host a link points to, shown next to it so people see where it leads. */
    public static String host(String url) {
        return parse(url, false).map(URI::getHost).map(h -> h.startsWith("www.") ? h.substring(4) : h).orElse("");
    }

    /** The service's name for a valid meeting link. */
    public static String meetingProvider(String url) {
        return MeetingLink.parse(url).service();
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
