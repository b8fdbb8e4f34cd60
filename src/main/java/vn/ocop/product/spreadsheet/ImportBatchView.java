package vn.ocop.product.spreadsheet;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded file and what became of it.
 *
 * @param status {@code STAGED} (checked, no error, waiting for confirmation), {@code REJECTED} (has errors; fix the
 *     file and upload it again), {@code APPLIED} (written to the registry), {@code EXPIRED} (not confirmed in time)
 * @param totalRows data rows read (the header and blank rows not counted)
 * @param legacyMappedRows rows whose location was given in the legacy scheme and mapped to a current commune
 * @param producersCreated and the other outcome counts: {@code null} until the batch is applied
 */
public record ImportBatchView(
        UUID id,
        String fileName,
        SpreadsheetFormat format,
        long sizeBytes,
        String sha256,
        String status,
        String createdBy,
        Instant createdAt,
        int totalRows,
        int validRows,
        int errorCount,
        int warningCount,
        int legacyMappedRows,
        @Nullable Integer producersCreated,
        @Nullable Integer producersUpdated,
        @Nullable Integer producersUnchanged,
        @Nullable Integer productsCreated,
        @Nullable Integer productsUpdated,
        @Nullable Integer productsUnchanged,
        @Nullable Instant appliedAt,
        @Nullable String appliedBy) {

    /** Whether the batch can be confirmed now. */
    public boolean confirmable() {
        return "STAGED".equals(status) && errorCount == 0;
    }

    public boolean applied() {
        return "APPLIED".equals(status);
    }
}
