package vn.ocop.product.spreadsheet;

import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.ocop.shared.PageResult;

/**
 * A batch with one page of its issues (errors first, then by row) and, once applied, one page of the products it
 * wrote.
 */
public record ImportReport(ImportBatchView batch, PageResult<IssueView> issues, PageResult<AppliedRow> rows) {

    /**
     * One problem, in the reader's language.
     *
     * @param row spreadsheet row (header = 1); {@code null} for the whole file
     * @param column header of the column concerned
     * @param severity {@code ERROR} blocks the import, {@code WARNING} does not
     */
    public record IssueView(@Nullable Integer row, @Nullable String column, String severity, String message) {}

    /** A row of an applied batch: the product (or producer) it wrote and what happened to it. */
    public record AppliedRow(
            int row,
            @Nullable Long productId,
            @Nullable String productName,
            long producerId,
            String producerName,
            String outcome) {}

    static List<String> issueHeaders(boolean vietnamese) {
        return vietnamese
                ? List.of("Dòng", "Cột", "Mức độ", "Nội dung")
                : List.of("Row", "Column", "Severity", "Message");
    }
}
