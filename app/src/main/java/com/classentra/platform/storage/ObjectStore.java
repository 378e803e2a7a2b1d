package com.classentra.platform.storage;

import com.classentra.platform.plugins.SlotRegistry;
import com.classentra.platform.plugins.StoredSlot;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.storage.ObjectInfo;
import com.classentra.plugin.api.storage.ObjectStorage;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The platform's file storage: the storage slot's provider, and while a storage migration runs, the former
 * provider behind it. New objects go to the new provider; a read the new provider cannot answer falls back to the
 * former one until the copy is complete; a delete removes the object from both, and the copier removes a copy
 * whose original was deleted while it was copied, so a deleted file does not come back.
 */
@Service
public class ObjectStore {

    private final SlotRegistry slots;
    private final StorageMigrations migrations;

    ObjectStore(SlotRegistry slots, StorageMigrations migrations) {
        this.slots = slots;
        this.migrations = migrations;
    }

    public ObjectInfo put(String key, InputStream content, long size, String contentType) throws ProviderException {
        return slots.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.put(key, content, size, contentType));
    }

    /** Opens the object, from the former provider when it has not been copied yet; the caller closes the stream. */
    public Optional<InputStream> get(String key) throws ProviderException {
        Optional<InputStream> content = slots.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.get(key));
        if (content.isPresent()) {
            return content;
        }
        Optional<StoredSlot> former = migrations.fallbackSource(true);
        return former.isEmpty() ? content : slots.callDetached(former.get(), ObjectStorage.class, storage -> storage.get(key));
    }

    /**
     * A presigned URL from whichever provider holds the object, when that provider makes them; empty means the
     * caller streams the object through {@link #get}.
     */
    public Optional<URI> presignedDownload(String key, Duration validity, String filename) throws ProviderException {
        Optional<StoredSlot> former = migrations.fallbackSource(false);
        if (former.isPresent() && slots.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.stat(key)).isEmpty()) {
            return slots.callDetached(former.get(), ObjectStorage.class, storage -> storage.presignedDownload(key, validity, filename));
        }
        return slots.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.presignedDownload(key, validity, filename));
    }

    /**
     * Removes the object wherever it is, the former provider first (read fresh, as a node that has not seen the
     * migration yet must not leave the original behind to be copied back); true when some provider had it.
     */
    public boolean delete(String key) throws ProviderException {
        boolean deleted = false;
        Optional<StoredSlot> former = migrations.fallbackSource(true);
        if (former.isPresent()) {
            deleted = slots.callDetached(former.get(), ObjectStorage.class, storage -> storage.delete(key));
        }
        return slots.call(Slot.STORAGE, ObjectStorage.class, storage -> storage.delete(key)) || deleted;
    }
}
