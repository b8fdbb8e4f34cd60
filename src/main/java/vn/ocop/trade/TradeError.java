package vn.ocop.trade;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of trade promotion. */
public enum TradeError implements ErrorCode {
    POINT_NOT_FOUND("TRD-001", ErrorKind.NOT_FOUND),
    FAIR_NOT_FOUND("TRD-002", ErrorKind.NOT_FOUND),
    /** Only products listed in the public catalog (certificate in force) can be stocked or asked about. */
    PRODUCT_NOT_LISTED("TRD-003", ErrorKind.INVALID),
    INQUIRY_NOT_FOUND("TRD-004", ErrorKind.NOT_FOUND),
    /** No producer offers listed products of the category in the province chosen. */
    NO_PRODUCERS_FOR_CATEGORY("TRD-005", ErrorKind.INVALID),
    /** A fair ends before it starts. */
    FAIR_DATES("TRD-006", ErrorKind.INVALID),
    /** A reply is empty or longer than 5,000 characters. */
    REPLY_INVALID("TRD-007", ErrorKind.INVALID),
    /** A category inquiry needs its criteria set and province. */
    CATEGORY_INCOMPLETE("TRD-008", ErrorKind.INVALID),
    /** The fair is over or cancelled: no one registers any more. */
    FAIR_CLOSED("TRD-009", ErrorKind.CONFLICT),
    PRODUCER_NOT_FOUND("TRD-010", ErrorKind.NOT_FOUND);

    private final String code;
    private final ErrorKind kind;

    TradeError(String code, ErrorKind kind) {
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
