package com.classentra.plugins.cache.redis;

import com.classentra.plugin.api.ProviderConfig;
import io.lettuce.core.RedisURI;
import java.time.Duration;

/**
 * Validated connection settings. The password stays out of {@link #toString()} and of every message built
 * from {@link #endpoint()}.
 */
record RedisSettings(String host, int port, boolean tls, String username, String password, int database,
        String keyPrefix, Duration timeout) {

    static RedisSettings from(ProviderConfig config) {
        return new RedisSettings(
                config.require(RedisProvider.HOST),
                (int) config.integer(RedisProvider.PORT),
                Boolean.parseBoolean(config.require(RedisProvider.TLS)),
                config.get(RedisProvider.USERNAME).orElse(null),
                config.get(RedisProvider.PASSWORD).orElse(null),
                (int) config.integer(RedisProvider.DATABASE),
                config.require(RedisProvider.KEY_PREFIX),
                Duration.ofMillis(config.integer(RedisProvider.CONNECT_TIMEOUT_MS)));
    }

    RedisURI uri() {
        RedisURI.Builder uri = RedisURI.Builder.redis(host, port)
                .withSsl(tls)
                .withDatabase(database)
                .withTimeout(timeout)
                .withClientName("classentra");
        if (password != null && username != null) {
            uri.withAuthentication(username, password);
        } else if (password != null) {
            // AUTH with the password alone: also understood by Redis before 6 (no ACL users).
            uri.withPassword(password.toCharArray());
        }
        return uri.build();
    }

    /** Where this Redis is, for messages: never the credentials. */
    String endpoint() {
        return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "RedisSettings[" + endpoint() + ", user=" + (username == null ? "default" : username)
                + ", password=" + (password == null ? "none" : "***") + ", prefix=" + keyPrefix + ", timeout=" + timeout + "]";
    }
}
