package com.classentra.platform.text;

/** A number with its noun in the right form: "1 student", "3 students", never "3 student(s)". */
public final class Counted {

    private Counted() {
    }

    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
