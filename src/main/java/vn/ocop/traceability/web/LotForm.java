package vn.ocop.traceability.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import vn.ocop.traceability.LotCommands;

/** The lot form as typed; converted to {@link LotCommands.RecordLot} and validated there. */
class LotForm {

    private @Nullable Long productId;
    private String lotNumber = "";
    private String gtin = "";

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate productionDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate bestBefore;

    private @Nullable BigDecimal quantity;
    private LotCommands.@Nullable Unit unit;
    private String rawMaterialArea = "";

    LotCommands.RecordLot command() {
        return new LotCommands.RecordLot(
                productId,
                lotNumber.strip(),
                gtin.isBlank() ? null : gtin.strip(),
                productionDate,
                bestBefore,
                quantity,
                unit,
                rawMaterialArea.isBlank() ? null : rawMaterialArea.strip());
    }

    public @Nullable Long getProductId() {
        return productId;
    }

    public void setProductId(@Nullable Long productId) {
        this.productId = productId;
    }

    public String getLotNumber() {
        return lotNumber;
    }

    public void setLotNumber(@Nullable String lotNumber) {
        this.lotNumber = lotNumber == null ? "" : lotNumber;
    }

    public String getGtin() {
        return gtin;
    }

    public void setGtin(@Nullable String gtin) {
        this.gtin = gtin == null ? "" : gtin;
    }

    public @Nullable LocalDate getProductionDate() {
        return productionDate;
    }

    public void setProductionDate(@Nullable LocalDate productionDate) {
        this.productionDate = productionDate;
    }

    public @Nullable LocalDate getBestBefore() {
        return bestBefore;
    }

    public void setBestBefore(@Nullable LocalDate bestBefore) {
        this.bestBefore = bestBefore;
    }

    public @Nullable BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(@Nullable BigDecimal quantity) {
        this.quantity = quantity;
    }

    public LotCommands.@Nullable Unit getUnit() {
        return unit;
    }

    public void setUnit(LotCommands.@Nullable Unit unit) {
        this.unit = unit;
    }

    public String getRawMaterialArea() {
        return rawMaterialArea;
    }

    public void setRawMaterialArea(@Nullable String rawMaterialArea) {
        this.rawMaterialArea = rawMaterialArea == null ? "" : rawMaterialArea;
    }
}
