package com.classentra.plugin.api;

/**
 * A provider call that did not succeed. The kind tells the host what to do with the work: retry later,
 * give up on this item, or stop calling until the configuration is fixed.
 */
public class ProviderException extends Exception {

    private final Kind kind;

    public ProviderException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ProviderException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.RETRYABLE;
    }

    public enum Kind {
        /** Temporary: rate limited, server error, timeout. The same work may succeed later. */
        RETRYABLE,
        /** This item can never succeed (invalid address, object too large): do not retry it. */
        PERMANENT,
        /** The provider's configuration is wrong (bad credentials, unknown region): no call can succeed. */
        MISCONFIGURED
    }
}
