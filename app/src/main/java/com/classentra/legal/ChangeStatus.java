package com.classentra.legal;

/** Where an announced subprocessor change stands: waiting for its date, made, withdrawn, or refused by the provider on the day. */
public enum ChangeStatus {
    SCHEDULED, APPLIED, CANCELLED, FAILED
}
