package com.classentra.accounts;

/** The age group a person gives when signing up; asked, checked ({@link SignUpAge}) and never stored. */
public enum AgeGroup {
    UNDER_13("Under 13"), FROM_13_TO_15("13 to 15"), SIXTEEN_OR_OLDER("16 or older");

    private final String label;

    AgeGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
