package com.classentra.accounts;

/** How the AI assistant talks to a person, chosen in the onboarding survey. */
public enum AssistantTone {
    ENCOURAGING("Encouraging"), CONCISE("Concise"), FORMAL("Formal");

    /** Until a person chooses. */
    public static final AssistantTone DEFAULT = ENCOURAGING;

    private final String label;

    AssistantTone(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
