package vn.ocop.product.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;
import vn.ocop.product.ImportError;
import vn.ocop.shared.OcopException;

/**
 * Reads an uploaded xlsx or CSV file row by row, streaming: a 20,000-row file is never in memory as a whole (xlsx:
 * fastexcel's StAX reader over the zip entry, after {@link XlsxGuard}; CSV: Commons CSV over a strict UTF-8 decoder).
 * Formulas are reported, never evaluated. Anything that is neither format is {@code IMP-001}.
 */
final class SpreadsheetReader {

    /** Sheet of the template that holds the data; any other workbook is read from its first sheet. */
    static final String DATA_SHEET = "Sản phẩm";

    private static final Set<Integer> DATE_FORMAT_IDS = Set.of(14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57);

    private SpreadsheetReader() {}

    /** What the file's first bytes say it is; {@code IMP-001} for a PDF, an old .xls, binary data, or non-UTF-8 text. */
    static SpreadsheetFormat detect(Path file) throws IOException {
        byte[] head = new byte[8];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return SpreadsheetFormat.XLSX;
        }
        if (length >= 4 && ReadableWorkbook.isOLE2Header(head)) {
            throw new OcopException(ImportError.NOT_A_SPREADSHEET); // .xls (Excel 97-2003)
        }
        if (!looksLikeText(file)) {
            throw new OcopException(ImportError.NOT_A_SPREADSHEET);
        }
        return SpreadsheetFormat.CSV;
    }

    /** Sends every row of the data sheet to the handler, in order; blank rows included. */
    static void read(Path file, SpreadsheetFormat format, Consumer<SheetRow> handler) throws IOException {
        if (format == SpreadsheetFormat.XLSX) {
            XlsxGuard.check(file);
            readXlsx(file, handler);
        } else {
            readCsv(file, handler);
        }
    }

    private static void readXlsx(Path file, Consumer<SheetRow> handler) throws IOException {
        try (ReadableWorkbook workbook = open(file)) {
            Sheet sheet = workbook.findSheet(DATA_SHEET).orElseGet(workbook::getFirstSheet);
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> it = rows.iterator();
                while (true) {
                    Row row;
                    try {
                        if (!it.hasNext()) {
                            break;
                        }
                        row = it.next();
                    } catch (RuntimeException e) {
                        if (e instanceof OcopException ocop) {
                            throw ocop;
                        }
                        throw new OcopException(ImportError.NOT_A_SPREADSHEET);
                    }
                    handler.accept(toSheetRow(row, workbook.isDate1904()));
                }
            }
        } catch (UncheckedIOException e) {
            throw new OcopException(ImportError.NOT_A_SPREADSHEET);
        }
    }

    private static ReadableWorkbook open(Path file) {
        try {
            return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            // The styles part is optional in OOXML but the reader needs it for cell formats: without it, read the
            // values only (a date cell then arrives as its serial number).
            try {
                return new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
            } catch (IOException | RuntimeException again) {
                throw new OcopException(ImportError.NOT_A_SPREADSHEET);
            }
        }
    }

    private static SheetRow toSheetRow(Row row, boolean date1904) {
        List<SheetRow.Cell> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            org.dhatim.fastexcel.reader.Cell cell = row.getCell(i);
            cells.add(cell == null ? SheetRow.Cell.EMPTY : toCell(cell, date1904));
        }
        return new SheetRow(row.getRowNum(), cells);
    }

    private static SheetRow.Cell toCell(org.dhatim.fastexcel.reader.Cell cell, boolean date1904) {
        CellType type = cell.getType();
        if (type == CellType.FORMULA || cell.getFormula() != null) {
            return new SheetRow.Cell(cell.getRawValue() == null ? "" : cell.getRawValue(), null, true, false);
        }
        if (type == CellType.NUMBER) {
            BigDecimal number = cell.asNumber();
            if (isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
                double serial = number.doubleValue();
                LocalDate base = date1904 ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30);
                return new SheetRow.Cell(number.toPlainString(), base.plusDays((long) Math.floor(serial)), false, true);
            }
            return new SheetRow.Cell(plain(number), null, false, true);
        }
        if (type == CellType.STRING) {
            return SheetRow.Cell.text(cell.asString());
        }
        if (type == CellType.BOOLEAN) {
            return SheetRow.Cell.text(String.valueOf(cell.asBoolean()));
        }
        if (type == CellType.ERROR) {
            return new SheetRow.Cell(cell.getRawValue() == null ? "#ERROR" : cell.getRawValue(), null, true, false);
        }
        return SheetRow.Cell.EMPTY;
    }

    static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Built-in date formats, or a custom format with day/month/year parts outside quotes and brackets. */
    static boolean isDate(@Nullable Integer formatId, @Nullable String format) {
        if (formatId != null && DATE_FORMAT_IDS.contains(formatId)) {
            return true;
        }
        if (format == null || format.isBlank()) {
            return false;
        }
        String bare =
                format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").toLowerCase();
        return bare.contains("d") && (bare.contains("m") || bare.contains("y")) || bare.contains("yy");
    }

    private static void readCsv(Path file, Consumer<SheetRow> handler) throws IOException {
        char delimiter = delimiter(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setMaxRows(RegistryImport.MAX_ROWS + 100L)
                .get();
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), decoder);
                CSVParser parser = CSVParser.builder()
                        .setReader(skipBom(reader))
                        .setFormat(format)
                        .get()) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                List<SheetRow.Cell> cells = new ArrayList<>(record.size());
                for (String value : record) {
                    cells.add(csvCell(value));
                }
                handler.accept(new SheetRow(number, cells));
            }
        } catch (CharacterCodingException e) {
            throw new OcopException(ImportError.NOT_A_SPREADSHEET);
        } catch (UncheckedIOException | IllegalStateException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new OcopException(ImportError.NOT_A_SPREADSHEET);
            }
            // Commons CSV: an unclosed quote or junk after a closing quote.
            throw new OcopException(ImportError.NOT_A_SPREADSHEET);
        }
    }

    /**
     * A CSV cell starting with {@code =} is a formula for any spreadsheet program that opens the file; a leading
     * apostrophe is the usual "this is text" mark (our export writes it before such values) and is dropped.
     */
    private static SheetRow.Cell csvCell(String value) {
        if (value.startsWith("=")) {
            return new SheetRow.Cell(value, null, true, false);
        }
        if (value.length() > 1
                && value.charAt(0) == '\''
                && SheetWriter.Csv.FORMULA_STARTS.indexOf(value.charAt(1)) >= 0) {
            return SheetRow.Cell.text(value.substring(1));
        }
        return SheetRow.Cell.text(value);
    }

    private static Reader skipBom(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    /** The separator of the first line: comma unless semicolons or tabs clearly dominate (regional Excel). */
    private static char delimiter(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16 * 1024);
        }
        String text = new String(head, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        long commas = line.chars().filter(c -> c == ',').count();
        long semicolons = line.chars().filter(c -> c == ';').count();
        long tabs = line.chars().filter(c -> c == '\t').count();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** UTF-8 text without control characters other than tab and line breaks, judged on the first 64 KB. */
    private static boolean looksLikeText(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        if (head.length == 0) {
            return true; // empty: reported as IMP-004 once read
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(head)).toString();
        } catch (CharacterCodingException e) {
            // The 64 KB cut may split a multi-byte character: retry without the last 3 bytes.
            try {
                text = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head, 0, Math.max(0, head.length - 3)))
                        .toString();
            } catch (CharacterCodingException again) {
                return false;
            }
        }
        if (text.startsWith("%PDF")) {
            return false;
        }
        return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\r' && c != '\n');
    }
}
