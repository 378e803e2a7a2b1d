package com.classentra.plugin.api.video;

import java.net.URI;
import java.time.Instant;

/** Where and with what token a participant joins; the token may be null for link-only providers. */
public record JoinGrant(URI joinUrl, String token, Instant expiresAt) {
}
