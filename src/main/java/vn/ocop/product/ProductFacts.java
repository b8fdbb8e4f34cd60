package vn.ocop.product;

import org.jspecify.annotations.Nullable;

/**
 * What read models of other modules (reporting) keep of a product: its producer, name, criteria set and current
 * rating. Streamed by {@link ProductBulk#forEachProduct} to fill such a read model once.
 */
public record ProductFacts(
        long id,
        long producerId,
        String name,
        int criteriaSetNo,
        @Nullable CurrentRating rating) {}
