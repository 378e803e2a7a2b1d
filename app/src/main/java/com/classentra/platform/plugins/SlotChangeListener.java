package com.classentra.platform.plugins;

import java.util.Optional;
import java.util.UUID;

/**
 * A feature that must act when a slot changes hands, such as the storage migration that copies every object
 * from the former provider to the new one. Beans implementing it are asked by {@link ProviderSwitcher}.
 */
public interface SlotChangeListener {

    /** Why the slot may not change now, in words for the administrator; empty when it may. */
    default Optional<String> refusal(SlotChange change) {
        return Optional.empty();
    }

    /**
     * Called in the transaction that stores the change, in platform scope, so whatever the listener records
     * commits or rolls back with the change itself.
     *
     * @param previous      the choice that served the slot until now
     * @param newProviderId the provider that serves it from now on
     * @param newVersion    the version of the settings just stored
     * @param dataMoves     as for {@link SlotChange#dataMoves()}
     */
    void changed(StoredSlot previous, String newProviderId, long newVersion, boolean dataMoves, UUID actor);
}
