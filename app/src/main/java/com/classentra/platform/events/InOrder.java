package com.classentra.platform.events;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one receiver its items one at a time, in the order they came, on a virtual thread started while some wait: the
 * sender never waits for the receiver, and a slow receiver holds up nobody else.
 */
public final class InOrder<T> implements Consumer<T> {

    private static final Logger log = LoggerFactory.getLogger(InOrder.class);

    private final String name;
    private final Consumer<T> receiver;
    private final ConcurrentLinkedQueue<T> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    /** @param name what the receiver is, for the log when it fails */
    public InOrder(String name, Consumer<T> receiver) {
        this.name = name;
        this.receiver = receiver;
    }

    @Override
    public void accept(T item) {
        waiting.add(item);
        if (delivering.compareAndSet(false, true)) {
            Thread.ofVirtual().name("in-order-delivery").start(this::deliver);
        }
    }

    private void deliver() {
        do {
            for (T item = waiting.poll(); item != null; item = waiting.poll()) {
                try {
                    receiver.accept(item);
                } catch (RuntimeException e) {
                    log.warn("A receiver of {} failed", name, e);
                }
            }
            delivering.set(false);
            // An item added after the last poll and before the flag dropped would wait for the next one: take it now.
        } while (!waiting.isEmpty() && delivering.compareAndSet(false, true));
    }
}
