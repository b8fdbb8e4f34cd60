package vn.ocop.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is registered about a product; used to register and to update.
 *
 * @param criteriaSetNo the criteria set (1–26) of the current classification (Decision 26/2026, Phụ lục I)
 * @param legacyClass the 1048/2019 sector code for historic records ({@code TP}, {@code DU}, …), optional
 * @param priceMin lowest retail price in VND
 * @param links e-commerce listings
 */
public record ProductDetails(
        @NotNull Long producerId,
        @NotBlank @Size(max = 300) String name,
        @NotNull @Min(1) @Max(26) Integer criteriaSetNo,
        @Nullable @Size(max = 10) String legacyClass,
        @Nullable @Size(max = 5000) String description,
        @Nullable @Size(max = 2000) String ingredients,
        @Nullable @Size(max = 1000) String rawMaterialArea,
        @Nullable @Size(max = 1000) String standards,
        @Nullable @Size(max = 1000) String packaging,
        @Nullable @PositiveOrZero BigDecimal priceMin,
        @Nullable @PositiveOrZero BigDecimal priceMax,
        @Nullable @Size(max = 100) String shelfLife,
        @Nullable ProductStatus status,
        @Nullable @Size(max = 20) List<@Valid Link> links) {

    /** A listing of the product on an e-commerce platform. */
    public record Link(
            @NotBlank @Size(max = 100) String platform,

            @NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+")
            String url) {}
}
