package com.classentra.plugin.api;

import com.classentra.plugin.api.ai.AiProviderFactory;
import com.classentra.plugin.api.email.EmailProviderFactory;
import com.classentra.plugin.api.errors.ErrorReportingProviderFactory;
import com.classentra.plugin.api.payments.PaymentsProviderFactory;
import com.classentra.plugin.api.ratelimit.RateLimitProviderFactory;
import com.classentra.plugin.api.storage.StorageProviderFactory;
import com.classentra.plugin.api.video.VideoProviderFactory;

/**
 * A kind of third-party subprocessor the platform uses. Each slot has exactly one extension point (a
 * {@link ProviderFactory} sub-interface); an administrator chooses which provider serves it.
 */
public enum Slot {
    EMAIL("email", "Email delivery", EmailProviderFactory.class),
    STORAGE("storage", "File storage", StorageProviderFactory.class),
    VIDEO("video", "Live video", VideoProviderFactory.class),
    AI("ai", "AI assistance", AiProviderFactory.class),
    PAYMENTS("payments", "Payments", PaymentsProviderFactory.class),
    RATE_LIMITS("rate-limits", "Rate limits and cache", RateLimitProviderFactory.class),
    ERRORS("errors", "Error reporting", ErrorReportingProviderFactory.class);

    private final String key;
    private final String displayName;
    private final Class<? extends ProviderFactory<?>> extensionPoint;

    Slot(String key, String displayName, Class<? extends ProviderFactory<?>> extensionPoint) {
        this.key = key;
        this.displayName = displayName;
        this.extensionPoint = extensionPoint;
    }

    /** Stable lower-case name used in the database, URLs, metrics tags and configuration. */
    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    public Class<? extends ProviderFactory<?>> extensionPoint() {
        return extensionPoint;
    }

    public static Slot fromKey(String key) {
        for (Slot slot : values()) {
            if (slot.key.equals(key)) {
                return slot;
            }
        }
        throw new IllegalArgumentException("Unknown slot: " + key);
    }
}
