package vn.ocop.product;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A product as a spreadsheet import carries it, already validated. It is matched to an existing product by OCOP code
 * when one is given and known, else by producer and name (accents and case ignored).
 *
 * @param producerId the producer it belongs to (registered or matched by the same import)
 * @param ocopCode the OCOP product code from the file; {@code null} to keep the existing one or, for a certified
 *     rating, to assign the next one of the commune
 * @param rating the current rating from the file, completed (expiry and level filled in); {@code null} keeps the
 *     existing rating
 * @param present the optional fields whose column was in the file: only those are written on an existing product, so
 *     a file without a "description" column does not erase descriptions
 */
public record ImportProduct(
        long producerId,
        String name,
        int criteriaSetNo,
        @Nullable String legacyClass,
        @Nullable String description,
        @Nullable String packaging,
        @Nullable BigDecimal priceMin,
        @Nullable BigDecimal priceMax,
        @Nullable String ocopCode,
        @Nullable CurrentRating rating,
        List<ProductDetails.Link> links,
        Set<Field> present) {

    /** Optional fields that an import may leave out. */
    public enum Field {
        LEGACY_CLASS,
        DESCRIPTION,
        PACKAGING,
        PRICE_MIN,
        PRICE_MAX,
        LINKS
    }
}
