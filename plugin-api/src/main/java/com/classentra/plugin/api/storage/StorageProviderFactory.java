package com.classentra.plugin.api.storage;

import com.classentra.plugin.api.ProviderFactory;

/** Extension point of the storage slot: where uploaded files, exports and recordings live. */
public interface StorageProviderFactory extends ProviderFactory<ObjectStorage> {
}
