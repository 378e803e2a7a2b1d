package com.classentra.platform.privacy;

/**
 * One step of an account deletion. It runs in a platform-scope transaction with the step's entry in the log, so it is
 * done once and entirely or not at all; it must find nothing to do when the person's data is already gone. Features
 * contribute steps of their own (telling students a course is closing) as beans; the registry gives the rest
 * ({@link RegistryErasure}).
 */
public interface ErasureStep {

    /** The step's name in the deletion's log. */
    String name();

    /** Does the step; returns how many rows (or emails, or objects) it touched. */
    int erase(Erasure erasure);
}
