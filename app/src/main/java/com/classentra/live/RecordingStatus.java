package com.classentra.live;

/** Where a recording is: being made, being finished, ready at the provider, or failed there. */
public enum RecordingStatus {
    RECORDING, STOPPING, READY, FAILED;

    boolean isFinal() {
        return this == READY || this == FAILED;
    }
}
