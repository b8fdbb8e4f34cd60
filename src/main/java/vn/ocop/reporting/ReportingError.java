package vn.ocop.reporting;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the reporting module. */
public enum ReportingError implements ErrorCode {
    /** The edition is neither {@code current} nor {@code legacy}. */
    UNKNOWN_EDITION("RPT-001", ErrorKind.INVALID),
    /** The period ends before it starts, or spans more than the allowed years. */
    INVALID_PERIOD("RPT-002", ErrorKind.INVALID),
    PLAN_NOT_FOUND("RPT-003", ErrorKind.NOT_FOUND),
    UNKNOWN_TARGET_TYPE("RPT-004", ErrorKind.INVALID),
    /** A plan belongs to a province of the current scheme or to the nation. */
    PLAN_UNIT("RPT-005", ErrorKind.INVALID),
    /** The target's measure has nothing to do with product groups (support, craft villages). */
    GROUP_NOT_APPLICABLE("RPT-006", ErrorKind.INVALID),
    UNKNOWN_GROUP("RPT-007", ErrorKind.INVALID),
    /** A share above 100 %. */
    SHARE_TOO_HIGH("RPT-008", ErrorKind.INVALID),
    /** A plan version needs at least one target, each (type, group) once. */
    TARGETS_INVALID("RPT-009", ErrorKind.INVALID),
    ACTIVITY_NOT_FOUND("RPT-010", ErrorKind.NOT_FOUND),
    /** A beneficiary product does not belong to the beneficiary producer. */
    PRODUCT_NOT_OF_PRODUCER("RPT-011", ErrorKind.INVALID),
    /** A support activity takes place in a province or commune of the current scheme. */
    ACTIVITY_UNIT("RPT-012", ErrorKind.INVALID),
    /** The target type's definition does not hold together (kind, measure, denominator, filters). */
    TARGET_TYPE_INVALID("RPT-013", ErrorKind.INVALID),
    TARGET_TYPE_TAKEN("RPT-014", ErrorKind.CONFLICT);

    private final String code;
    private final ErrorKind kind;

    ReportingError(String code, ErrorKind kind) {
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
