package com.classentra.notifications;

/** How a person wants notifications of one kind by email; in the app they always appear. */
public enum EmailDelivery {
    IMMEDIATE("Immediately"),
    DIGEST("Daily digest"),
    OFF("Off");

    /** Until a person chooses, every kind is emailed as it happens. */
    public static final EmailDelivery DEFAULT = IMMEDIATE;

    private final String label;

    EmailDelivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
