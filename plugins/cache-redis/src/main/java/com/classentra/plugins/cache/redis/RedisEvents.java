package com.classentra.plugins.cache.redis;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ratelimit.EventRelay;
import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Subscriptions to Redis pub/sub channels, each on a connection of its own (a subscribed connection may send nothing
 * else). Lettuce reconnects such a connection after a Redis restart and subscribes it again by itself; what was
 * published while it was down is lost, as Redis keeps no pub/sub history.
 */
final class RedisEvents {

    private final RedisClient client;
    private final RedisSettings settings;
    private final Set<StatefulRedisPubSubConnection<String, String>> open = ConcurrentHashMap.newKeySet();

    RedisEvents(RedisClient client, RedisSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    EventRelay.Subscription subscribe(String channel, Consumer<String> listener) throws ProviderException {
        StatefulRedisPubSubConnection<String, String> connection;
        try {
            connection = client.connectPubSub(StringCodec.UTF8);
        } catch (RuntimeException e) {
            throw RedisFailures.classify(e, settings);
        }
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
                if (channel.equals(from)) {
                    listener.accept(message);
                }
            }
        });
        try {
            connection.sync().subscribe(channel);
        } catch (RuntimeException e) {
            connection.close();
            throw RedisFailures.classify(e, settings);
        }
        open.add(connection);
        return () -> {
            if (open.remove(connection)) {
                connection.close();
            }
        };
    }

    void closeAll() {
        for (StatefulRedisPubSubConnection<String, String> connection : open) {
            if (open.remove(connection)) {
                connection.close();
            }
        }
    }
}
