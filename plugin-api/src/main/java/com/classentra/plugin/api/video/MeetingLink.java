package com.classentra.plugin.api.video;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A meeting on Zoom, Google Meet or Microsoft Teams that a session links to instead of a native room: an https
 * invitation on the service's own host, without credentials, so a student never joins "a class" on a look-alike site.
 * The same whichever provider serves the video slot.
 *
 * @param service the service's name as people know it ("Zoom", "Google Meet", "Microsoft Teams")
 */
public record MeetingLink(URI url, String service) {

    private static final int MAX_LENGTH = 2000;
    private static final Pattern MEET_CODE = Pattern.compile("/[a-z]{3}-[a-z]{4}-[a-z]{3}");
    private static final Pattern ZOOM_PATH = Pattern.compile("/(j|w|s|my)/[A-Za-z0-9._-]+");

    public MeetingLink {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(service, "service");
    }

    /** The link, checked; throws {@link IllegalArgumentException} with a message a teacher can act on. */
    public static MeetingLink parse(String text) {
        URI url = invitation(text);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getPath() == null ? "" : url.getPath();
        if ((host.equals("zoom.us") || host.endsWith(".zoom.us") || host.equals("zoomgov.com") || host.endsWith(".zoomgov.com"))
                && ZOOM_PATH.matcher(path).lookingAt()) {
            return new MeetingLink(url, "Zoom");
        }
        if (host.equals("meet.google.com") && MEET_CODE.matcher(path).matches()) {
            return new MeetingLink(url, "Google Meet");
        }
        if ((host.equals("teams.microsoft.com") && (path.startsWith("/l/meetup-join/") || path.startsWith("/meet/")))
                || (host.equals("teams.live.com") && path.startsWith("/meet/"))) {
            return new MeetingLink(url, "Microsoft Teams");
        }
        throw new IllegalArgumentException("Use a Zoom (zoom.us/j/…), Google Meet (meet.google.com/abc-defg-hij) or Microsoft Teams meeting link");
    }

    private static URI invitation(String text) {
        String problem = "Enter the meeting's https:// invitation link";
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(problem);
        }
        try {
            URI url = new URI(text.strip());
            if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null
                    || !url.getHost().contains(".")) {
                throw new IllegalArgumentException(problem);
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
    }
}
