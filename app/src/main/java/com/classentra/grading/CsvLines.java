package com.classentra.grading;

import com.classentra.platform.text.SpreadsheetCells;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV lines (RFC 4180) that spreadsheets open safely: every cell quoted, and a cell that starts like a formula
 * (= + - @, tab, carriage return) prefixed with an apostrophe so it is shown, not run.
 */
public final class CsvLines {

    private CsvLines() {
    }

    public static void write(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String cell) {
        return '"' + SpreadsheetCells.defused(cell).replace("\"", "\"\"") + '"';
    }
}
