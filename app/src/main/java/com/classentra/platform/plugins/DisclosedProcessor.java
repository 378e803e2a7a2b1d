package com.classentra.platform.plugins;

import com.classentra.plugin.api.SubprocessorDisclosure;

/**
 * A company that receives personal data through a built-in feature rather than a slot's plugin (Google, for "Continue
 * with Google"). A feature declares one as a bean only while it is configured, so the subprocessor page and the
 * privacy policy name it exactly when it is in use.
 *
 * @param usedFor which part of the platform brings it in, as the subprocessor page says
 */
public record DisclosedProcessor(SubprocessorDisclosure disclosure, String usedFor) {

    public DisclosedProcessor {
        if (!disclosure.sharesPersonalData()) {
            throw new IllegalArgumentException("Only a company that receives personal data is disclosed");
        }
    }
}
