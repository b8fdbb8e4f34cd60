package vn.ocop.trade;

/** Who asks: the buyers OCOP trade promotion connects producers with. */
public enum BuyerKind {
    /** A supermarket or retail chain. */
    RETAIL_CHAIN,
    /** Corporate or seasonal gifts. */
    GIFT,
    /** A distributor or wholesaler. */
    DISTRIBUTOR,
    /** An exporter or foreign buyer. */
    EXPORTER,
    /** Hotels, restaurants, catering. */
    HORECA,
    /** Anyone else. */
    OTHER
}
