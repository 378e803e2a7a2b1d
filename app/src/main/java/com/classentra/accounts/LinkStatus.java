package com.classentra.accounts;

/** What a link from an email turned out to be. */
public enum LinkStatus { VALID, INVALID, EXPIRED, USED }
