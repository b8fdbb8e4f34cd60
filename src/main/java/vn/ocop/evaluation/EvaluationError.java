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
    UNREADABLE_CRITERIA_FILE("EVAL-006", ErrorKind.INVALID),
    /** No such evaluation round. */
    ROUND_NOT_FOUND("EVAL-007", ErrorKind.NOT_FOUND),
    /** No such dossier. */
    DOSSIER_NOT_FOUND("EVAL-008", ErrorKind.NOT_FOUND),
    /** The step is not allowed in the dossier's current status. */
    ILLEGAL_TRANSITION("EVAL-009", ErrorKind.CONFLICT),
    /** The round no longer accepts dossiers (closed or past its deadline). */
    ROUND_CLOSED("EVAL-010", ErrorKind.CONFLICT),
    /** The user is not a member of the round's council. */
    NOT_A_COUNCIL_MEMBER("EVAL-011", ErrorKind.FORBIDDEN),
    /** The member declared, or has, a conflict of interest with the producer. */
    CONFLICT_OF_INTEREST("EVAL-012", ErrorKind.FORBIDDEN),
    /** A scoresheet cannot be submitted with unanswered criteria. */
    INCOMPLETE_SCORESHEET("EVAL-013", ErrorKind.INVALID),
    /** A submitted scoresheet cannot change. */
    SCORESHEET_LOCKED("EVAL-014", ErrorKind.CONFLICT),
    /** The council cannot close while members have not submitted. */
    SCORESHEETS_MISSING("EVAL-015", ErrorKind.CONFLICT),
    /** Only the chair may close the council's evaluation. */
    NOT_THE_CHAIR("EVAL-016", ErrorKind.FORBIDDEN),
    /** A reason is required for returning or knocking out a dossier. */
    REASON_REQUIRED("EVAL-017", ErrorKind.INVALID),
    /** The product already has an open dossier in this round. */
    DUPLICATE_DOSSIER("EVAL-018", ErrorKind.CONFLICT),
    /** Paper member totals must be between 0 and 100, at least one. */
    INVALID_PAPER_RESULT("EVAL-019", ErrorKind.INVALID),
    /** A paper result's star cannot exceed the band of the members' mean total. */
    STAR_ABOVE_BAND("EVAL-020", ErrorKind.INVALID),
    /** An uploaded document is empty. */
    EMPTY_DOCUMENT("EVAL-021", ErrorKind.INVALID),
    /** An uploaded document is larger than allowed. */
    DOCUMENT_TOO_LARGE("EVAL-022", ErrorKind.TOO_LARGE),
    /** An uploaded document is not a PDF, JPEG or PNG (by its content). */
    UNSUPPORTED_DOCUMENT("EVAL-023", ErrorKind.INVALID),
    /** The producer's locker already holds this exact file. */
    DUPLICATE_DOCUMENT("EVAL-024", ErrorKind.CONFLICT),
    /** No such document in the producer's locker. */
    DOCUMENT_NOT_FOUND("EVAL-025", ErrorKind.NOT_FOUND),
    /** Only a rated dossier proposed for 5★ by its council goes to the ministry. */
    NOT_A_FIVE_STAR_CANDIDATE("EVAL-026", ErrorKind.CONFLICT),
    /** A 5★ proposal goes to a round of the ministry, not of a province. */
    NOT_A_MINISTRY_ROUND("EVAL-027", ErrorKind.INVALID),
    /** A document whose validity has ended cannot be uploaded or attached to a dossier. */
    DOCUMENT_EXPIRED("EVAL-028", ErrorKind.INVALID),
    /**
     * Only council-member accounts and OCOP officers of the round's jurisdiction sit on its council (Art. 7.3.b,
     * 7.4.b).
     */
    SEAT_NOT_ELIGIBLE("EVAL-029", ErrorKind.INVALID),
    /** A council has one chair. */
    CHAIR_TAKEN("EVAL-030", ErrorKind.CONFLICT),
    /** A member who has submitted a scoresheet stays on the council. */
    MEMBER_HAS_SHEETS("EVAL-031", ErrorKind.CONFLICT),
    /** A round closes once no dossier waits for or is with its council. */
    ROUND_HAS_PENDING_DOSSIERS("EVAL-032", ErrorKind.CONFLICT),
    /** A round ends on or after its submission deadline. */
    ROUND_DATES_REVERSED("EVAL-033", ErrorKind.INVALID),
    /** A dossier is sent only with every required form and document of its checklist (Art. 6.1). */
    DOSSIER_INCOMPLETE("EVAL-034", ErrorKind.CONFLICT),
    /** A province round takes dossiers of products located in its province. */
    PRODUCT_OUTSIDE_ROUND("EVAL-035", ErrorKind.INVALID);

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
