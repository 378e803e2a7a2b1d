package com.classentra.platform.plugins;

import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;

/**
 * A provider switch about to be saved, as {@link SlotChangeListener}s see it.
 *
 * @param dataMoves whether the change moves the slot's data elsewhere: another provider, or a setting the provider
 *                  marks as a location (a bucket, a directory) changed
 * @param after     what the provider will disclose with its new settings: the company that receives the data, if any
 * @param notice    on what footing the switch is made
 */
public record SlotChange(Slot slot, boolean dataMoves, SubprocessorDisclosure after, SwitchNotice notice) {
}
