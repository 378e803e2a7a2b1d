package com.classentra.plugin.api.ratelimit;

import com.classentra.plugin.api.ProviderFactory;

/** Extension point of the rate-limits/cache slot: shared counters and short-lived cache entries. */
public interface RateLimitProviderFactory extends ProviderFactory<RateLimitBackend> {
}
