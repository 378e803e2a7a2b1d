package com.classentra.privacy;

/** Where an account deletion stands: waiting out its cool-off, taken back, being erased, or done. */
enum DeletionStatus {
    REQUESTED, CANCELLED, RUNNING, DONE
}
