package vn.ocop.product;

import java.time.LocalDate;

/**
 * Whether a certificate stays in force past its expiry while the product's late re-evaluation is processed (Decision
 * 26/2026/QĐ-TTg Art. 12.3: until the result, at most 180 days after expiry). Implemented by the evaluation module,
 * which knows the dossiers (it depends on products, not the other way round); used wherever an expiry takes effect.
 */
public interface RatingExtension {

    /** Whether the certificate of the product that expires on {@code expiresOn} is still in force on {@code today}. */
    boolean extendedOn(long productId, LocalDate expiresOn, LocalDate today);
}
