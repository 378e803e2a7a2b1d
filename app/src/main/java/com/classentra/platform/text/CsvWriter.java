package com.classentra.platform.text;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of every export: RFC 4180 through commons-csv, quoting only where a cell needs it. Numbers are
 * written as numbers, so a spreadsheet can sum them; text that a spreadsheet would run as a formula is defused
 * ({@link SpreadsheetCells}). Rows are written as they come, so an export of any size streams.
 */
public final class CsvWriter implements Flushable {

    private final CSVPrinter printer;

    public CsvWriter(Writer out) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row; a null cell is empty, a {@link Number} stays a number, anything else is text. */
    public void row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(CsvWriter::cell).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(Object... cells) {
        row(java.util.Arrays.asList(cells));
    }

    private static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value instanceof Number ? value : SpreadsheetCells.defused(value.toString());
    }

    @Override
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
