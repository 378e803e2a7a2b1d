package com.classentra.plugins.errors.sentry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Sentry DSN, {@code https://<public key>@<host>[:port][/path]/<project id>}. The public key authenticates
 * the reports; it stays out of {@link #toString()} and of every message.
 *
 * @param pathPrefix empty, or the path a self-hosted Sentry is served under, without trailing slash
 */
record SentryDsn(String raw, String scheme, String publicKey, String host, int port, String pathPrefix, String projectId) {

    private static final Pattern PROJECT_ID = Pattern.compile("[0-9]+");

    /** @throws IllegalArgumentException with a message fit to show next to the field */
    static SentryDsn parse(String dsn) {
        URI uri;
        try {
            uri = new URI(dsn.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("must start with https://");
        }
        // Checked first: with a host Java cannot parse (an underscore, say) the URI has no user part either.
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("has no host");
        }
        if (uri.getRawUserInfo() == null || uri.getRawUserInfo().isBlank()) {
            throw new IllegalArgumentException("has no public key (the part before @)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        int lastSlash = path.lastIndexOf('/');
        String projectId = lastSlash < 0 ? "" : path.substring(lastSlash + 1);
        if (!PROJECT_ID.matcher(projectId).matches()) {
            throw new IllegalArgumentException("must end with the numeric project id");
        }
        // A legacy DSN also carries a secret key after a colon; the envelope endpoint needs the public key only.
        String publicKey = uri.getRawUserInfo().split(":", 2)[0];
        return new SentryDsn(dsn.strip(), scheme, publicKey, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort(),
                path.substring(0, lastSlash), projectId);
    }

    /** Where envelopes go: {@code {scheme}://{host}/api/{projectId}/envelope/}. */
    URI envelopeEndpoint() {
        return URI.create(scheme + "://" + hostAndPort() + pathPrefix + "/api/" + projectId + "/envelope/");
    }

    /** Whether Sentry's own service (sentry.io and its regional hosts such as o1.ingest.de.sentry.io) runs this project. */
    boolean hostedBySentry() {
        return host.equals("sentry.io") || host.endsWith(".sentry.io");
    }

    /** The DSN without a legacy secret key, as envelope headers carry it. */
    String publicForm() {
        return scheme + "://" + publicKey + "@" + hostAndPort() + pathPrefix + "/" + projectId;
    }

    String hostAndPort() {
        return port < 0 ? host : host + ":" + port;
    }

    @Override
    public String toString() {
        return "SentryDsn[" + scheme + "://***@" + hostAndPort() + pathPrefix + "/" + projectId + "]";
    }
}
