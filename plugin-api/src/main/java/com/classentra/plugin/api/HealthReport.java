package com.classentra.plugin.api;

import java.util.Objects;

/** Outcome of a provider health check: whether it can serve calls, with a sentence for the administrator. */
public record HealthReport(boolean healthy, String detail) {

    public HealthReport {
        Objects.requireNonNull(detail, "detail");
    }

    public static HealthReport healthy(String detail) {
        return new HealthReport(true, detail);
    }

    public static HealthReport unhealthy(String detail) {
        return new HealthReport(false, detail);
    }
}
