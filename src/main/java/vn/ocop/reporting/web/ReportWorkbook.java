package vn.ocop.reporting.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * A report as an xlsx workbook (fastexcel, streamed): one sheet per table, a bold header row, numbers as numbers and
 * shares as percentages with four decimals, dates as dates. Text is written as text, never as a formula.
 */
final class ReportWorkbook implements AutoCloseable {

    private final Workbook workbook;
    private @Nullable Worksheet sheet;
    private int row;

    ReportWorkbook(OutputStream out) {
        workbook = new Workbook(out, "OCOP Platform", "1.0");
    }

    /** Starts a sheet with a title line, optional lines of context, then the header row. */
    ReportWorkbook sheet(String name, String title, List<String> context, List<String> headers, List<Integer> widths) {
        finishSheet();
        Worksheet ws = workbook.newWorksheet(name.length() > 31 ? name.substring(0, 31) : name);
        ws.value(0, 0, title);
        ws.style(0, 0).bold().fontSize(13).set();
        row = 1;
        for (String line : context) {
            ws.value(row++, 0, line);
        }
        row++;
        for (int c = 0; c < headers.size(); c++) {
            ws.value(row, c, headers.get(c));
            ws.width(c, c < widths.size() ? widths.get(c) : 16);
        }
        ws.range(row, 0, row, headers.size() - 1)
                .style()
                .bold()
                .fillColor("FDECEA")
                .wrapText(true)
                .set();
        row++;
        sheet = ws;
        return this;
    }

    /** One row: {@link Share} as a percentage, other numbers as numbers, dates as dates, anything else as text. */
    ReportWorkbook row(Object... values) {
        Worksheet ws = java.util.Objects.requireNonNull(sheet, "no sheet started");
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof Share share) {
                ws.value(row, c, share.percent());
                ws.style(row, c).format("0.0000").set();
            } else if (v instanceof BigDecimal big) {
                ws.value(row, c, big);
            } else if (v instanceof Number n) {
                ws.value(row, c, n);
            } else if (v instanceof LocalDate date) {
                ws.value(row, c, date);
                ws.style(row, c).format("dd/mm/yyyy").set();
            } else if (v != null) {
                ws.value(row, c, v.toString());
            }
        }
        row++;
        if (row % 500 == 0) {
            try {
                ws.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** A percentage cell (the number of percent, e.g. 8.9431). */
    record Share(BigDecimal percent) {}

    private void finishSheet() {
        if (sheet != null) {
            try {
                sheet.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sheet = null;
        }
    }

    @Override
    public void close() {
        finishSheet();
        try {
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
