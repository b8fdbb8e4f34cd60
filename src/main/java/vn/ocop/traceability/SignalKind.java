package vn.ocop.traceability;

/** What a signal is about. Thresholds are in {@link TraceabilityProperties.Signals}. */
public enum SignalKind {
    /** Well-formed codes that no stamp has were scanned (invented or copied stamps). */
    UNKNOWN_CODE,
    /** Many inputs that are not stamp codes at all in one day (nationwide). */
    MALFORMED_CODES,
    /** Stamps of a product whose certificate is revoked, suspended or expired are still scanned. */
    INVALID_CERTIFICATE,
    /** One stamp scanned far more often than the stamps of its lot usually are (a copied label). */
    HIGH_SCAN_RATE,
    /** One stamp scanned from several provinces (a copied label). */
    MANY_PROVINCES,
    /** A lot scanned after its best-before date (still on sale?). */
    PAST_BEST_BEFORE,
    /** Stamps of a recalled lot or batch are still scanned (still on sale?). */
    RECALLED_IN_CIRCULATION,
    /** Stamps of a batch never activated are scanned (labels lost or taken from the printer?). */
    INACTIVE_STAMP
}
