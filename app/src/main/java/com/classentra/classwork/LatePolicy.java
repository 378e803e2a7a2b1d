package com.classentra.classwork;

/** What happens to work turned in after the due date. */
public enum LatePolicy {
    ACCEPT("Accept late work"), PENALTY("Accept with a penalty"), REFUSE("Refuse after the due date");

    private final String label;

    LatePolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
