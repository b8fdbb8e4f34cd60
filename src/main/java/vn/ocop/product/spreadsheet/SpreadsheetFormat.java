package vn.ocop.product.spreadsheet;

import java.util.Locale;
import java.util.Optional;

/** File formats of the registry spreadsheet. */
public enum SpreadsheetFormat {
    /** Office Open XML workbook (Excel 2007+, LibreOffice, Google Sheets). */
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    /** Comma-separated text, UTF-8 (with or without BOM), RFC 4180 quoting. */
    CSV("csv", "text/csv;charset=UTF-8");

    private final String extension;
    private final String contentType;

    SpreadsheetFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** {@code xlsx} or {@code csv}, any case; empty for anything else. */
    public static Optional<SpreadsheetFormat> of(String name) {
        for (SpreadsheetFormat format : values()) {
            if (format.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
