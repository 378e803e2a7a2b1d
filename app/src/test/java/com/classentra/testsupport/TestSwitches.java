package com.classentra.testsupport;

import com.classentra.platform.plugins.SwitchNotice;

/**
 * The footing on which tests of providers switch slots: at once, as an emergency would, since what they test is the
 * provider and not the 30 days' notice a new company gets (SubprocessorChangesTest tests that).
 */
public final class TestSwitches {

    public static final SwitchNotice AT_ONCE = SwitchNotice.emergency("A test switches providers at once");

    private TestSwitches() {
    }
}
