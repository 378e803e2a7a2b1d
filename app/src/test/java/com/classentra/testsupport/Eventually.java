package com.classentra.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for something that happens on another thread or node, trying again at once until it holds or time is up. */
public final class Eventually {

    private Eventually() {
    }

    /** Calls {@code check} (which should wait a little itself, say by polling a queue) until it answers true. */
    public static void holds(String what, Duration within, Callable<Boolean> check) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!check.call()) {
            assertThat(System.nanoTime()).as(what + " within " + within.toSeconds() + " s").isLessThan(deadline);
        }
    }
}
