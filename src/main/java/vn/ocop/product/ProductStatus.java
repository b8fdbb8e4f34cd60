package vn.ocop.product;

/** Whether a product is still made. */
public enum ProductStatus {
    /** On the market. */
    ACTIVE,
    /** No longer made; kept for history and certificates. */
    DISCONTINUED
}
