package com.classentra.platform.plugins;

import java.util.UUID;

/**
 * On what footing a provider switch happens, as far as the people told of subprocessors are concerned: an ordinary
 * change, the application of a change announced ahead ({@code changeId}), or an emergency made at once (an outage)
 * with the administrator's written reason. The audit log and the public change log record it.
 */
public record SwitchNotice(Kind kind, String reason, UUID changeId) {

    public enum Kind {
        NONE, ANNOUNCED, EMERGENCY
    }

    public SwitchNotice {
        if (kind == Kind.EMERGENCY && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("An emergency switch needs a written reason");
        }
        reason = reason == null ? null : reason.strip();
    }

    public static SwitchNotice none() {
        return new SwitchNotice(Kind.NONE, null, null);
    }

    public static SwitchNotice announced(UUID changeId) {
        return new SwitchNotice(Kind.ANNOUNCED, null, changeId);
    }

    public static SwitchNotice emergency(String reason) {
        return new SwitchNotice(Kind.EMERGENCY, reason, null);
    }
}
