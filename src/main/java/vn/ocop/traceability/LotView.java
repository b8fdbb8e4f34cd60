package vn.ocop.traceability;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import vn.ocop.traceability.LotCommands.Unit;

/**
 * A production lot as its producer and the officers covering it see it.
 *
 * @param publicKey the lot's public, non-enumerable key (public lot page and EPCIS document)
 * @param gtin the 14-digit GTIN, or {@code null}
 * @param certificateNumber the certificate in force when the lot was recorded
 * @param statusByOfficer whether the current suspension or recall was decided by an officer
 */
public record LotView(
        long id,
        String publicKey,
        long productId,
        String productName,
        long producerId,
        String producerName,
        String communeCode,
        String provinceCode,
        String lotNumber,
        @Nullable String gtin,
        LocalDate productionDate,
        @Nullable LocalDate bestBefore,
        @Nullable BigDecimal quantity,
        @Nullable Unit unit,
        @Nullable String rawMaterialArea,
        @Nullable String certificateNumber,
        LotStatus status,
        @Nullable String statusMessage,
        @Nullable Instant statusChangedAt,
        boolean statusByOfficer,
        String createdBy,
        Instant createdAt,
        long version) {

    /** A critical tracking event of the lot. */
    public record Event(
            long id,
            String uuid,
            LotEventType type,
            OffsetDateTime occurredAt,
            String place,
            @Nullable String placeCommuneCode,
            String party,
            String what,
            @Nullable BigDecimal quantity,
            @Nullable Unit unit,
            @Nullable String note,
            String recordedBy,
            Instant recordedAt,
            @Nullable Instant withdrawnAt,
            @Nullable String withdrawnBy,
            @Nullable String withdrawalReason) {

        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /** A batch of stamps of the lot; {@code number} counts the lot's batches from 1. */
    public record Batch(
            long id,
            long lotId,
            int number,
            int quantity,
            BatchStatus status,
            @Nullable String statusMessage,
            @Nullable Instant statusChangedAt,
            boolean statusByOfficer,
            String createdBy,
            Instant createdAt,
            long version) {}
}
