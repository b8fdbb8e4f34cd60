package vn.ocop.geography;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the geography module. */
public enum GeographyError implements ErrorCode {
    /** No unit with this code in this edition. */
    UNIT_NOT_FOUND("GEO-001", ErrorKind.NOT_FOUND),
    /** The edition code is not one of the recorded editions. */
    UNKNOWN_EDITION("GEO-002", ErrorKind.INVALID),
    /** The level is not a level of the edition. */
    UNKNOWN_LEVEL("GEO-003", ErrorKind.INVALID),
    /** A legacy code with no successor in the mapping. */
    NO_SUCCESSOR("GEO-004", ErrorKind.NOT_FOUND);

    private final String code;
    private final ErrorKind kind;

    GeographyError(String code, ErrorKind kind) {
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
