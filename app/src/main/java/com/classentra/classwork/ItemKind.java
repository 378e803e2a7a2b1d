package com.classentra.classwork;

/** What can be posted in a course; each kind has its own form fields and view. */
public enum ItemKind {
    ANNOUNCEMENT("Announcement"),
    MATERIAL("Material"),
    ASSIGNMENT("Assignment"),
    NOTE("Note"),
    SESSION("Live session"),
    FILE("File"),
    LINK("Link");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Kinds whose form takes attachments. */
    public boolean takesFiles() {
        return this == MATERIAL || this == ASSIGNMENT || this == FILE;
    }
}
