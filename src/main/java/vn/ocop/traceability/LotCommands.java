package vn.ocop.traceability;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** What producers and officers ask of lots and stamp batches. */
public final class LotCommands {

    private LotCommands() {}

    /**
     * Records a production lot of a certified product.
     *
     * @param lotNumber the producer's lot number as printed on the pack (GS1 AI 10): 1–20 letters, digits, dots,
     *     hyphens or underscores
     * @param gtin the pack's GTIN-8/12/13/14 if it has one (its check digit is verified); QR codes then carry a GS1
     *     Digital Link URI
     * @param quantity how much the lot holds, with its {@link Unit}
     * @param rawMaterialArea where the raw materials come from (vùng nguyên liệu)
     */
    public record RecordLot(
            @NotNull Long productId,
            @NotBlank @Size(max = 20) String lotNumber,
            @Nullable @Size(max = 20) String gtin,
            @NotNull LocalDate productionDate,
            @Nullable LocalDate bestBefore,

            @Nullable @Positive @Digits(integer = 11, fraction = 3)
            BigDecimal quantity,

            @Nullable Unit unit,
            @Nullable @Size(max = 1000) String rawMaterialArea) {}

    /**
     * Records a critical tracking event of a lot: what happened, when, where and who did it.
     *
     * @param placeCommuneCode the commune (current edition) where it happened, when known
     * @param party who did it: the producer, a grower, a carrier, a laboratory…
     * @param what what was handled: raw materials and their origin, the product, the test made…
     */
    public record RecordLotEvent(
            @NotNull LotEventType type,
            @NotNull OffsetDateTime occurredAt,
            @NotBlank @Size(max = 300) String place,
            @Nullable @Size(max = 10) String placeCommuneCode,
            @NotBlank @Size(max = 300) String party,
            @NotBlank @Size(max = 1000) String what,

            @Nullable @Positive @Digits(integer = 11, fraction = 3)
            BigDecimal quantity,

            @Nullable Unit unit,
            @Nullable @Size(max = 1000) String note) {}

    /**
     * Activates, suspends, reinstates or recalls a lot or a batch.
     *
     * @param message what the scan page tells the public (required to suspend or recall)
     */
    public record ChangeStatus(
            @NotNull StatusChange change,
            @Nullable @Size(max = 1000) String message) {}

    /** Generates a batch of stamps for a lot. */
    public record GenerateBatch(@NotNull @Positive Integer quantity) {}

    /**
     * Units of quantities: UN/ECE Recommendation 20 codes for measures and Recommendation 21 codes for packages, as
     * EPCIS quantities carry them.
     */
    public enum Unit {
        KGM,
        GRM,
        TNE,
        LTR,
        MLT,
        H87,
        XBO,
        XBX,
        XBG,
        XPK,
        XCT
    }
}
