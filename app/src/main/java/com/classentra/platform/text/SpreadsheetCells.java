package com.classentra.platform.text;

/** Text bound for CSV exports that people open in spreadsheets. */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /**
     * Spreadsheets run a cell starting with = + - @ (or a tab or carriage return, which some strip first) as a
     * formula; a leading single quote makes it text (OWASP "CSV injection").
     */
    public static String defused(String cell) {
        String value = cell == null ? "" : cell;
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
