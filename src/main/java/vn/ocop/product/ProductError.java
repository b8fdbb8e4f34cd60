package vn.ocop.product;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the product module. */
public enum ProductError implements ErrorCode {
    PRODUCT_NOT_FOUND("PRO-001", ErrorKind.NOT_FOUND),
    UNKNOWN_CRITERIA_SET("PRO-002", ErrorKind.INVALID),
    UNKNOWN_LEGACY_CLASS("PRO-003", ErrorKind.INVALID),
    DUPLICATE_NAME("PRO-004", ErrorKind.CONFLICT),
    PRICE_RANGE("PRO-005", ErrorKind.INVALID),
    PRODUCER_NOT_FOUND("PRO-006", ErrorKind.INVALID),
    RATING_INCOMPLETE("PRO-007", ErrorKind.INVALID),
    INVALID_LINK("PRO-008", ErrorKind.INVALID),
    /** 5★ is the central level, 3–4★ the province's (Art. 4.1): a rating's level must match its star. */
    RATING_LEVEL_MISMATCH("PRO-020", ErrorKind.INVALID),
    /** Only the authority of a level records its ratings: the central office 5★, a province's officers 3–4★. */
    RATING_NOT_PERMITTED("PRO-021", ErrorKind.FORBIDDEN),
    /** A recorded (imported) rating's certificate number is one the platform issued. */
    CERTIFICATE_NUMBER_TAKEN("PRO-022", ErrorKind.CONFLICT);

    private final String code;
    private final ErrorKind kind;

    ProductError(String code, ErrorKind kind) {
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
