package vn.ocop.producer;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the producer module. */
public enum ProducerError implements ErrorCode {
    PRODUCER_NOT_FOUND("PRD-001", ErrorKind.NOT_FOUND),
    INVALID_TAX_CODE("PRD-002", ErrorKind.INVALID),
    TAX_CODE_TAKEN("PRD-003", ErrorKind.CONFLICT),
    COMMUNE_REQUIRED("PRD-004", ErrorKind.INVALID),
    /** A sign-up names a tax code already registered: the producer exists, its commune opens its account. */
    SIGNUP_TAX_CODE_REGISTERED("PRD-005", ErrorKind.CONFLICT),
    /** A sign-up with this tax code is already waiting for the commune's decision. */
    SIGNUP_PENDING("PRD-006", ErrorKind.CONFLICT),
    /** The user name chosen at sign-up is used by an account or by a pending sign-up. */
    SIGNUP_USERNAME_TAKEN("PRD-007", ErrorKind.CONFLICT),
    /** The sign-up was already approved or refused. */
    SIGNUP_DECIDED("PRD-008", ErrorKind.CONFLICT),
    SIGNUP_NOT_FOUND("PRD-009", ErrorKind.NOT_FOUND),
    /** A refusal needs its reason, which the applicant reads. */
    SIGNUP_REASON_REQUIRED("PRD-010", ErrorKind.INVALID),
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
