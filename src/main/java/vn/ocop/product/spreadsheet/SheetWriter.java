package vn.ocop.product.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows to an xlsx or CSV stream as they come: the xlsx worksheet is flushed every few hundred rows (fastexcel
 * streams the zip), the CSV printer writes through. A whole export is never in memory.
 */
abstract class SheetWriter implements AutoCloseable {

    static SheetWriter open(SpreadsheetFormat format, OutputStream out, String sheetName) {
        return format == SpreadsheetFormat.XLSX ? new Xlsx(out, sheetName) : new Csv(out);
    }

    /** The header row, bold in xlsx; {@code textColumns} are formatted as text so codes keep their leading zeros. */
    abstract void header(List<String> headers, List<Integer> textColumns, List<Integer> widths);

    /** One row; {@code null} is an empty cell; numbers stay numbers in xlsx. */
    abstract void row(List<@Nullable Object> values);

    @Override
    public abstract void close();

    /** The underlying xlsx, for extras such as dropdowns; {@code null} for CSV. */
    @Nullable
    Xlsx xlsx() {
        return this instanceof Xlsx x ? x : null;
    }

    static final class Xlsx extends SheetWriter {
        private final Workbook workbook;
        final Worksheet sheet;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            workbook = new Workbook(out, "OCOP Platform", "1.0");
            sheet = workbook.newWorksheet(sheetName);
        }

        Worksheet newSheet(String name) {
            return workbook.newWorksheet(name);
        }

        @Override
        void header(List<String> headers, List<Integer> textColumns, List<Integer> widths) {
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
                sheet.width(c, c < widths.size() ? widths.get(c) : 20);
            }
            sheet.range(0, 0, 0, headers.size() - 1)
                    .style()
                    .bold()
                    .fillColor("FDECEA")
                    .wrapText(true)
                    .set();
            for (int c : textColumns) {
                sheet.range(1, c, 5000, c).style().format("@").set();
            }
            sheet.freezePane(0, 1);
            next = 1;
        }

        @Override
        void row(List<@Nullable Object> values) {
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value instanceof Number number) {
                    sheet.value(next, c, number instanceof BigDecimal big ? big : number);
                } else if (value != null) {
                    sheet.value(next, c, value.toString());
                }
            }
            next++;
            if (next % 500 == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() {
            try {
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class Csv extends SheetWriter {

        /** First characters that make a cell a formula (OWASP, CSV injection). */
        static final String FORMULA_STARTS = "=+-@\t\r";

        private final CSVPrinter printer;

        Csv(OutputStream out) {
            try {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write('\uFEFF'); // Excel reads UTF-8 (Vietnamese) correctly only with the BOM
                printer = new CSVPrinter(writer, CSVFormat.RFC4180);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void header(List<String> headers, List<Integer> textColumns, List<Integer> widths) {
            row(new ArrayList<>(headers));
        }

        @Override
        void row(List<@Nullable Object> values) {
            try {
                List<String> cells = new ArrayList<>(values.size());
                for (Object value : values) {
                    cells.add(
                            value == null
                                    ? ""
                                    : safe(value instanceof BigDecimal big ? big.toPlainString() : value.toString()));
                }
                printer.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * A value that a spreadsheet program could run as a formula gets the text mark {@code '} (OWASP "CSV
         * injection"): one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return —
         * {@code +1+cmd|…} and {@code -1+cmd|…} included, and a phone number {@code +84 …}, which spreadsheet
         * programs would otherwise turn into a number. The importer drops the mark again.
         */
        static String safe(String value) {
            return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        }

        @Override
        public void close() {
            try {
                printer.close(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
