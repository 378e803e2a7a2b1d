package com.classentra.accounts;

/** A teacher's own workspace, made with their account, or an organization's shared by several teachers. */
enum WorkspaceKind {
    PERSONAL, ORGANIZATION
}
