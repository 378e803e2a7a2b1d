package com.classentra.plugin.api.video;

import java.net.URI;
import java.time.Instant;

/**
 * What the room page embeds for one participant: the provider's web client at {@code clientUrl}, which carries the
 * token, so the page never shows or sends the token elsewhere.
 */
public record JoinGrant(URI clientUrl, String token, Instant expiresAt) {

    @Override
    public String toString() {
        // Never the token or the address that holds it: grants end up in logs through records' toString.
        return "JoinGrant[expiresAt=" + expiresAt + "]";
    }
}
