package com.classentra.messaging;

/** A course's own channel, a topic channel a teacher made, or two people's direct channel. */
public enum ChannelKind {
    COURSE, TOPIC, DIRECT
}
