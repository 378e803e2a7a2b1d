package com.classentra.live;

/** What is left to do at a video provider once the rows are gone (see {@link VideoCleanup}). */
enum CleanupAction {
    /** Close the room of a session deleted before it ended, putting out whoever is still in it. */
    END_ROOM,
    /** Delete the file of a recording deleted with its session or course. */
    DELETE_RECORDING,
    /** Put out of an open room a student who left the course or was removed from it. */
    REMOVE_PARTICIPANT
}
