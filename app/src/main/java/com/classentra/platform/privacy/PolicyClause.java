package com.classentra.platform.privacy;

/**
 * The promises of the privacy policy that personal-data rules keep, each quoted word for word from the policy served
 * at /legal/privacy-policy (a test holds the quotes to the served text, so a reworded policy fails the build until its
 * rules are looked at again). docs/privacy-map.md maps each clause to its rules, jobs and tests.
 */
public enum PolicyClause {

    ACCOUNT_DATA("Account data — retained while your account is active. Deleted within 30 days of an account deletion request, "
            + "except where we are legally required to keep financial records."),
    COURSE_CONTENT("Course content — retained while the owning teacher's account is active. Deleting a course permanently removes "
            + "its items, materials, and messages."),
    SESSIONS("Session tokens, stored server-side and expired automatically"),
    MESSAGES("Messages — retained while the course or conversation exists. Deleted when the course or a participant is fully removed."),
    TRANSACTIONAL_EMAIL("Send transactional email such as verification, password reset, billing receipts, and notifications"),
    SECURITY("Prevent abuse and secure the platform through rate limiting, disposable-email blocking, and session management"),
    RATE_LIMITS("Rate-limit logs — purged automatically after the window expires."),
    SERVER_LOGS("Standard server logs (request path, timestamp, user agent) retained for security and debugging"),
    SURVEY("We keep your individual survey responses for up to 5 years from the date you submit them. After 5 years they are "
            + "automatically deleted."),
    POLICY_ACCEPTANCE("Policy acceptance records — retained for as long as the account exists, plus 24 months after deletion, "
            + "as evidence of consent."),
    DOWNLOAD_MY_DATA("To export your data in a portable format, sign in and use the \"Download my data\" button in Settings — we email "
            + "you a signed download link within a few minutes."),
    BILLING_RECORDS("Billing records — retained as long as required by tax law (typically seven years)."),
    COURSE_PURCHASES("Course purchase records and Connect onboarding metadata — retained for 24 months after the most recent purchase, "
            + "then archived for tax/audit purposes only."),
    LIVE_PARTICIPATION("Native live class participation (participant-minutes and recording metadata when applicable)");

    private final String quote;

    PolicyClause(String quote) {
        this.quote = quote;
    }

    /** The clause as the policy words it. */
    public String quote() {
        return quote;
    }
}
