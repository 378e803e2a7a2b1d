package com.classentra.plugin.api.ratelimit;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderInstance;
import java.time.Duration;
import java.util.Optional;

/** Counters and cache shared by every app node. */
public interface RateLimitBackend extends ProviderInstance {

    /** Takes {@code tokens} from the bucket named {@code key}, refilled as {@code limit} says. */
    RateLimitDecision tryConsume(String key, RateLimit limit, long tokens) throws ProviderException;

    /**
     * Whether one token is available in the bucket named {@code key}, without taking it (for instance: may this
     * account try to sign in again, or has it used up its failed attempts). A bucket never used is full.
     */
    RateLimitDecision probe(String key, RateLimit limit) throws ProviderException;

    Optional<byte[]> cacheGet(String key) throws ProviderException;

    void cachePut(String key, byte[] value, Duration timeToLive) throws ProviderException;

    void cacheEvict(String key) throws ProviderException;
}
