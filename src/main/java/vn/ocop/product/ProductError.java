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
    INVALID_LINK("PRO-008", ErrorKind.INVALID);

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
