package vn.ocop.product.spreadsheet;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A problem found in an uploaded file, as stored: the text is a message key of the bundles with its arguments, so
 * the report is shown in the reader's language.
 *
 * @param row spreadsheet row number (header = 1); {@code null} for the whole file
 * @param column the header of the column concerned, when one is
 */
record Issue(
        @Nullable Integer row, @Nullable String column, String messageKey, List<String> arguments, Severity severity) {

    /** Whether an issue blocks the import. */
    enum Severity {
        /** The row cannot be imported; the batch cannot be confirmed until the file is fixed. */
        ERROR,
        /** Worth a look, imported anyway (e.g. an unknown extra column, which is ignored). */
        WARNING
    }

    static Issue error(int row, RegistryColumn column, String key, String... arguments) {
        return new Issue(row, column.header(), "import.issue." + key, List.of(arguments), Severity.ERROR);
    }

    static Issue warning(int row, @Nullable String column, String key, String... arguments) {
        return new Issue(row, column, "import.issue." + key, List.of(arguments), Severity.WARNING);
    }
}
