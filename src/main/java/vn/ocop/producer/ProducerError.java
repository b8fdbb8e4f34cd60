package vn.ocop.producer;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the producer module. */
public enum ProducerError implements ErrorCode {
    PRODUCER_NOT_FOUND("PRD-001", ErrorKind.NOT_FOUND),
    INVALID_TAX_CODE("PRD-002", ErrorKind.INVALID),
    TAX_CODE_TAKEN("PRD-003", ErrorKind.CONFLICT),
    COMMUNE_REQUIRED("PRD-004", ErrorKind.INVALID),
    /** A producer's account edits its descriptive data, never its tax code or status (officers do). */
    FIELD_NOT_EDITABLE_BY_PRODUCER("PRD-020", ErrorKind.FORBIDDEN);

    private final String code;
    private final ErrorKind kind;

    ProducerError(String code, ErrorKind kind) {
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
