package com.classentra.classwork;

/** How an assignment is graded: points out of its maximum, a percentage, or a letter. */
public enum GradingScale {
    POINTS("Points"), PERCENT("Percentage"), LETTER("Letter grade");

    private final String label;

    GradingScale(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
