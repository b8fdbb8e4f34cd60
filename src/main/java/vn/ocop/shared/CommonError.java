package vn.ocop.shared;

/** Errors that do not belong to one business module. */
public enum CommonError implements ErrorCode {
    MALFORMED_REQUEST("COMMON-001", ErrorKind.INVALID),
    VALIDATION_FAILED("COMMON-002", ErrorKind.INVALID),
    NOT_FOUND("COMMON-003", ErrorKind.NOT_FOUND),
    ACCESS_DENIED("COMMON-004", ErrorKind.FORBIDDEN),
    UNAUTHENTICATED("COMMON-005", ErrorKind.UNAUTHENTICATED),
    CONCURRENT_MODIFICATION("COMMON-006", ErrorKind.CONFLICT),
    METHOD_NOT_ALLOWED("COMMON-007", ErrorKind.INVALID),
    UNSUPPORTED_MEDIA_TYPE("COMMON-008", ErrorKind.INVALID),
    PAYLOAD_TOO_LARGE("COMMON-009", ErrorKind.TOO_LARGE),
    INVALID_PARAMETER("COMMON-010", ErrorKind.INVALID),
    /** A limit on anonymous submissions was reached; arguments: how many, in how many minutes, minutes to wait. */
    RATE_LIMITED("COMMON-011", ErrorKind.TOO_MANY_REQUESTS),
    /** The answer to a form's check question is wrong. */
    CHALLENGE_FAILED("COMMON-012", ErrorKind.INVALID),
    /** A form's anti-spam token is missing, forged, too old, or the form was sent faster than a person can. */
    FORM_EXPIRED("COMMON-013", ErrorKind.INVALID),
    INTERNAL_ERROR("COMMON-500", ErrorKind.INTERNAL);

    private final String code;
    private final ErrorKind kind;

    CommonError(String code, ErrorKind kind) {
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
