package com.classentra.messaging;

/** Who reads a channel: everyone of its course, or its listed members only. */
public enum ChannelAudience {
    COURSE, MEMBERS
}
