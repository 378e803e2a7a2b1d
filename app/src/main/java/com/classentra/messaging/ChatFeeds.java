package com.classentra.messaging;

import com.classentra.platform.events.ClusterEvents;
import com.classentra.platform.events.InOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * One subscription per channel and node, however many pages show the channel there: when something happens, the
 * channel's latest page is read once, and handed to every open page of it, each in order on its own virtual thread.
 * Five hundred open pages cost one read, not five hundred. Whoever may watch was checked when they started; each page
 * checks again when it marks what it read (its own scope), and stops when it may no longer read the channel.
 */
final class ChatFeeds {

    /** What an open page of the channel is told: the event, and the channel's latest page after it (null for typing). */
    interface Watcher {
        void changed(ChatEvent event, List<ChatMessage> latest);
    }

    private final ClusterEvents events;
    private final Function<UUID, List<ChatMessage>> latestPage;
    private final Map<UUID, Feed> feeds = new HashMap<>();

    /** @param latestPage reads a channel's latest page for every page that shows it (the platform scope) */
    ChatFeeds(ClusterEvents events, Function<UUID, List<ChatMessage>> latestPage) {
        this.events = events;
        this.latestPage = latestPage;
    }

    synchronized ClusterEvents.Subscription watch(UUID channelId, Watcher watcher) {
        Feed feed = feeds.computeIfAbsent(channelId, Feed::new);
        InOrder<Change> delivery = new InOrder<>("chat channel " + channelId, change -> watcher.changed(change.event(), change.latest()));
        feed.watchers.add(delivery);
        return () -> stop(feed, delivery);
    }

    private synchronized void stop(Feed feed, InOrder<Change> delivery) {
        feed.watchers.remove(delivery);
        if (feed.watchers.isEmpty() && feeds.get(feed.channelId) == feed) {
            feeds.remove(feed.channelId);
            feed.subscription.cancel();
        }
    }

    private record Change(ChatEvent event, List<ChatMessage> latest) {
    }

    private final class Feed {

        private final UUID channelId;
        private final List<InOrder<Change>> watchers = new CopyOnWriteArrayList<>();
        private final ClusterEvents.Subscription subscription;

        Feed(UUID channelId) {
            this.channelId = channelId;
            this.subscription = events.subscribe(ChatEvent.topic(channelId), this::heard);
        }

        private void heard(String payload) {
            ChatEvent event = ChatEvent.parse(payload);
            if (watchers.isEmpty()) {
                return;
            }
            Change change = new Change(event, event.kind() == ChatEvent.Kind.TYPING ? null : latestPage.apply(channelId));
            watchers.forEach(watcher -> watcher.accept(change));
        }
    }
}
