package com.classentra.accounts;

/** What a member may do in a workspace: its owner manages it, a teacher teaches in it. */
enum WorkspaceRole {
    OWNER, TEACHER
}
