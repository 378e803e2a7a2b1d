package com.classentra.plugins.cache.redis;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderException.Kind;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Turns what Lettuce and Bucket4j throw into the kind of failure the host acts on. Redis answers a refused
 * password with an error reply inside the exception chain (the connection itself reports only "unable to
 * connect"), so the whole chain is read.
 */
final class RedisFailures {

    private RedisFailures() {
    }

    static ProviderException classify(Throwable thrown, RedisSettings settings) {
        String where = "Redis at " + settings.endpoint();
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RedisCommandExecutionException reply) {
                String error = reply.getMessage() == null ? "" : reply.getMessage();
                String code = error.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                switch (code) {
                    case "NOAUTH", "WRONGPASS" -> {
                        return new ProviderException(Kind.MISCONFIGURED, where + " refused the credentials (" + error + ")", thrown);
                    }
                    case "NOPERM" -> {
                        return new ProviderException(Kind.MISCONFIGURED, where + ": the user lacks a permission (" + error + ")", thrown);
                    }
                    default -> {
                        if (error.contains("AUTH") && error.contains("without any password configured")) {
                            return new ProviderException(Kind.MISCONFIGURED, where + " has no password set but one was configured (" + error + ")", thrown);
                        }
                        if (error.contains("DB index is out of range")) {
                            return new ProviderException(Kind.MISCONFIGURED, where + " has no such database index (" + error + ")", thrown);
                        }
                    }
                }
            }
            if (t instanceof SSLException) {
                return new ProviderException(Kind.MISCONFIGURED, where + ": the TLS handshake failed (is TLS on for this server, and its certificate valid?): "
                        + t.getMessage(), thrown);
            }
            if (t instanceof UnknownHostException) {
                return new ProviderException(Kind.MISCONFIGURED, where + ": unknown host " + settings.host(), thrown);
            }
            if (t instanceof RedisCommandTimeoutException || t instanceof TimeoutException) {
                return new ProviderException(Kind.RETRYABLE, where + " did not answer within " + settings.timeout().toMillis() + " ms", thrown);
            }
            if (t instanceof ConnectTimeoutException) {
                return new ProviderException(Kind.RETRYABLE, where + " did not accept a connection within " + settings.timeout().toMillis() + " ms", thrown);
            }
            if (t instanceof ConnectException) {
                return new ProviderException(Kind.RETRYABLE, where + " refused the connection: " + t.getMessage(), thrown);
            }
        }
        if (thrown instanceof RedisConnectionException) {
            return new ProviderException(Kind.RETRYABLE, where + " cannot be reached: " + deepest(thrown), thrown);
        }
        return new ProviderException(Kind.RETRYABLE, where + " failed: " + deepest(thrown), thrown);
    }

    private static String deepest(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
