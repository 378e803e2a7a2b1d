package com.classentra.legal.ui;

import com.classentra.legal.SubprocessorList.Subprocessor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableRow;
import java.util.List;

/**
 * The subprocessor table as the public page and the console show it. A plain HTML table: it reads well
 * without scripts, prints, and on a phone each row becomes a card (the cells carry their column as data-label).
 */
public class SubprocessorTable extends NativeTable {

    private static final List<String> COLUMNS = List.of("Subprocessor", "Purpose", "Location of processing", "Data categories",
            "DPF certified", "Used for");

    public SubprocessorTable(List<Subprocessor> rows) {
        addClassName("subprocessor-table");
        NativeTableRow header = getHead().addRow();
        COLUMNS.forEach(column -> header.addHeaderCell().setText(column));
        for (Subprocessor row : rows) {
            NativeTableRow line = getBody().addRow();
            cell(line, 0, row.legalEntity()).addClassName("subprocessor-name");
            cell(line, 1, row.purpose());
            cell(line, 2, row.location());
            cell(line, 3, row.dataCategories());
            cell(line, 4, row.dpf());
            cell(line, 5, row.usedFor());
        }
    }

    private static NativeTableCell cell(NativeTableRow row, int column, String text) {
        NativeTableCell cell = row.addDataCell();
        cell.setText(text);
        cell.getElement().setAttribute("data-label", COLUMNS.get(column));
        return cell;
    }
}
