package vn.ocop.product.spreadsheet;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of an uploaded file as read, before any rule is applied.
 *
 * @param number the row number the user sees in a spreadsheet program (the header is usually 1)
 * @param cells by column position; shorter than the header when the row ends early
 */
record SheetRow(int number, List<Cell> cells) {

    /**
     * One cell.
     *
     * @param text the value as text ({@code ""} when empty); numbers without exponent or trailing zeros
     * @param date the date of an xlsx date cell, else {@code null}
     * @param formula whether the cell holds a formula (never evaluated)
     * @param numeric whether an xlsx cell was typed as a number (leading zeros of codes are then lost)
     */
    record Cell(String text, @Nullable LocalDate date, boolean formula, boolean numeric) {

        static final Cell EMPTY = new Cell("", null, false, false);

        static Cell text(String text) {
            return new Cell(text, null, false, false);
        }

        boolean blank() {
            return text.isBlank() && date == null && !formula;
        }
    }

    Cell cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : Cell.EMPTY;
    }

    boolean blank() {
        return cells.stream().allMatch(Cell::blank);
    }
}
