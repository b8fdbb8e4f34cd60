package vn.ocop.traceability;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the traceability module; texts are {@code error.TRC-…} in {@code i18n/traceability_*.properties}. */
public enum TraceabilityError implements ErrorCode {
    LOT_NOT_FOUND("TRC-001", ErrorKind.NOT_FOUND),
    /** Lots and stamps are for products whose OCOP certificate is in force. */
    PRODUCT_NOT_CERTIFIED("TRC-002", ErrorKind.CONFLICT),
    /** A GTIN-8, -12, -13 or -14 with a wrong check digit or length. */
    INVALID_GTIN("TRC-003", ErrorKind.INVALID),
    /** A GTIN identifies one trade item: it cannot be used for lots of two products. */
    GTIN_OF_ANOTHER_PRODUCT("TRC-004", ErrorKind.CONFLICT),
    LOT_NUMBER_TAKEN("TRC-005", ErrorKind.CONFLICT),
    /** A lot number is 1–20 letters, digits, dots, hyphens or underscores (GS1 AI 10, printable in a URL). */
    INVALID_LOT_NUMBER("TRC-006", ErrorKind.INVALID),
    /** Best-before before the production date, or a production date in the future. */
    INVALID_DATES("TRC-007", ErrorKind.INVALID),
    /** A recalled lot takes no new events or stamps. */
    LOT_RECALLED("TRC-008", ErrorKind.CONFLICT),
    BATCH_NOT_FOUND("TRC-009", ErrorKind.NOT_FOUND),
    BATCH_SIZE("TRC-010", ErrorKind.INVALID),
    /** The status change is not possible from the current status. */
    ILLEGAL_TRANSITION("TRC-011", ErrorKind.CONFLICT),
    /** A recall or suspension tells the public why. */
    MESSAGE_REQUIRED("TRC-012", ErrorKind.INVALID),
    /** A well-formed code that no stamp has. */
    STAMP_NOT_FOUND("TRC-013", ErrorKind.NOT_FOUND),
    /** Input that is not a stamp code at all (wrong length, characters, or check character). */
    MALFORMED_CODE("TRC-014", ErrorKind.NOT_FOUND),
    EVENT_NOT_FOUND("TRC-015", ErrorKind.NOT_FOUND),
    /** A tracking event in the future, or before the lot's raw materials could exist. */
    INVALID_EVENT_TIME("TRC-016", ErrorKind.INVALID),
    SIGNAL_NOT_FOUND("TRC-017", ErrorKind.NOT_FOUND),
    SIGNAL_ALREADY_REVIEWED("TRC-018", ErrorKind.CONFLICT),
    /** A label sheet range outside the batch, or more labels than one PDF holds. */
    LABEL_RANGE("TRC-019", ErrorKind.INVALID),
    /** A path under /01/ that is not a GS1 Digital Link URI. */
    DIGITAL_LINK_MALFORMED("TRC-020", ErrorKind.INVALID),
    /** A well-formed GS1 Digital Link URI for which no product, lot or stamp is known. */
    DIGITAL_LINK_UNKNOWN("TRC-021", ErrorKind.NOT_FOUND),
    /** The requested link type is not available for the item. */
    LINK_TYPE_UNAVAILABLE("TRC-022", ErrorKind.NOT_FOUND),
    /** A location sent for a scan that does not exist, is not of this code, or is too old. */
    SCAN_NOT_FOUND("TRC-023", ErrorKind.NOT_FOUND),
    /** A suspension decided by an officer is lifted by an officer, not by the producer. */
    SUSPENDED_BY_OFFICER("TRC-024", ErrorKind.FORBIDDEN),
    /** A quantity without a known unit, or a unit without a quantity. */
    INVALID_QUANTITY("TRC-025", ErrorKind.INVALID);

    private final String code;
    private final ErrorKind kind;

    TraceabilityError(String code, ErrorKind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
