package com.classentra.testplugins;

import org.pf4j.Plugin;

/** A plugin whose start fails, as a plugin with a broken dependency or bad packaging would. */
public class FailingStartPlugin extends Plugin {

    @Override
    public void start() {
        throw new IllegalStateException("simulated start failure");
    }
}
