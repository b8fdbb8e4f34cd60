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
    /** A NUL character (code 0) in a parameter or a JSON text: no text of the platform can contain it. */
    INVALID_CHARACTER("COMMON-011", ErrorKind.INVALID),
    /** The database refused a duplicate of an existing record (a unique constraint no module check caught). */
    DUPLICATE_RECORD("COMMON-012", ErrorKind.CONFLICT),
    /** The database refused a reference to a record that does not exist, or the removal of one still in use. */
    REFERENCE_CONFLICT("COMMON-013", ErrorKind.CONFLICT),
    /** The database refused a value: missing, outside the allowed range or length, not storable. */
    INVALID_VALUE("COMMON-014", ErrorKind.INVALID),
    /** A limit on anonymous submissions was reached; arguments: how many, in how many minutes, minutes to wait. */
    RATE_LIMITED("COMMON-015", ErrorKind.TOO_MANY_REQUESTS),
    /** The answer to a form's check question is wrong. */
    CHALLENGE_FAILED("COMMON-016", ErrorKind.INVALID),
    /** A form's anti-spam token is missing, forged, too old, or the form was sent faster than a person can. */
    FORM_EXPIRED("COMMON-017", ErrorKind.INVALID),
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
