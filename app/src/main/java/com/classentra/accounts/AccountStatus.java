package com.classentra.accounts;

/** Whether an account may sign in: an administrator suspends and reinstates it. */
public enum AccountStatus {
    ACTIVE, SUSPENDED
}
