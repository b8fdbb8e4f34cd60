package vn.ocop.evaluation;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the evaluation module. */
public enum EvaluationError implements ErrorCode {
    /** No such criteria version. */
    UNKNOWN_VERSION("EVAL-001", ErrorKind.NOT_FOUND),
    /** The version has no such set. */
    UNKNOWN_SET("EVAL-002", ErrorKind.NOT_FOUND),
    /** A chosen criterion code or option does not exist in the set. */
    INVALID_CHOICE("EVAL-003", ErrorKind.INVALID),
    /** An imported criteria set fails the checks (totals, maxima, markers). */
    INVALID_CRITERIA_SET("EVAL-004", ErrorKind.INVALID),
    /** The version code to import already exists. */
    VERSION_EXISTS("EVAL-005", ErrorKind.CONFLICT),
    /** The uploaded file is not a criteria set in the expected JSON format. */
    UNREADABLE_CRITERIA_FILE("EVAL-006", ErrorKind.INVALID);

    private final String code;
    private final ErrorKind kind;

    EvaluationError(String code, ErrorKind kind) {
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
