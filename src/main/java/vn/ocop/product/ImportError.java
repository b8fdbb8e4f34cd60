package vn.ocop.product;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the spreadsheet import and export of the registry (whole-file and batch problems, not row problems). */
public enum ImportError implements ErrorCode {
    /** Neither an xlsx workbook nor a CSV text file (e.g. a PDF, an old .xls, random bytes). */
    NOT_A_SPREADSHEET("IMP-001", ErrorKind.INVALID),
    /** Required columns are missing from the header row; argument: their headers. */
    MISSING_COLUMNS("IMP-002", ErrorKind.INVALID),
    /** The upload is larger than allowed; argument: the limit in MB. */
    FILE_TOO_LARGE("IMP-003", ErrorKind.TOO_LARGE),
    /** No header row, or a header row and no data. */
    EMPTY_FILE("IMP-004", ErrorKind.INVALID),
    /** More data rows than one import takes; argument: the limit. */
    TOO_MANY_ROWS("IMP-005", ErrorKind.INVALID),
    /** A batch with errors cannot be confirmed; argument: the number of errors. */
    BATCH_HAS_ERRORS("IMP-006", ErrorKind.CONFLICT),
    /** The batch was already applied (a second confirmation). */
    ALREADY_APPLIED("IMP-007", ErrorKind.CONFLICT),
    /** No such batch, or it belongs to another user. */
    BATCH_NOT_FOUND("IMP-008", ErrorKind.NOT_FOUND),
    /** The batch was not confirmed in time and must be uploaded again. */
    BATCH_EXPIRED("IMP-009", ErrorKind.CONFLICT),
    /** An xlsx whose content is abnormal: far larger unpacked than packed, over-long cells or rows, a DTD. */
    UNSAFE_WORKBOOK("IMP-010", ErrorKind.INVALID),
    /** A unique rule refused a row when applying: the registry changed since the file was checked. */
    REGISTRY_CHANGED("IMP-011", ErrorKind.CONFLICT);

    private final String code;
    private final ErrorKind kind;

    ImportError(String code, ErrorKind kind) {
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
