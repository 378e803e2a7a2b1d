package com.classentra.plugin.api.ai;

/** The answer with the units it used, which count against the tenant's AI allowance. */
public record AiCompletion(String text, String model, long inputUnits, long outputUnits) {
}
