package vn.ocop.identity;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the identity module. */
public enum IdentityError implements ErrorCode {
    BAD_CREDENTIALS("IAM-001", ErrorKind.UNAUTHENTICATED),
    ACCOUNT_LOCKED("IAM-002", ErrorKind.UNAUTHENTICATED),
    USERNAME_TAKEN("IAM-003", ErrorKind.CONFLICT),
    JURISDICTION_REQUIRED("IAM-004", ErrorKind.INVALID),
    JURISDICTION_LEVEL_MISMATCH("IAM-005", ErrorKind.INVALID),
    USER_NOT_FOUND("IAM-006", ErrorKind.NOT_FOUND),
    TOKEN_NOT_FOUND("IAM-007", ErrorKind.NOT_FOUND),
    WEAK_PASSWORD("IAM-008", ErrorKind.INVALID),
    WRONG_CURRENT_PASSWORD("IAM-009", ErrorKind.INVALID),
    ROLE_NOT_GRANTABLE("IAM-010", ErrorKind.FORBIDDEN),
    ACCOUNT_DISABLED("IAM-011", ErrorKind.UNAUTHENTICATED),
    /** A producer account needs the producer it acts for, and only a producer account has one. */
    PRODUCER_LINK_INVALID("IAM-012", ErrorKind.INVALID),
    /** The producer of a producer account does not exist. */
    PRODUCER_UNKNOWN("IAM-013", ErrorKind.NOT_FOUND);

    private final String code;
    private final ErrorKind kind;

    IdentityError(String code, ErrorKind kind) {
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
