package vn.ocop.certification;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the certification module. */
public enum CertificationError implements ErrorCode {
    /** No certificate below 3★ (Art. 4.1.a). */
    BELOW_THREE_STARS("CERT-001", ErrorKind.INVALID),
    CERTIFICATE_NOT_FOUND("CERT-002", ErrorKind.NOT_FOUND),
    CANDIDATE_NOT_FOUND("CERT-003", ErrorKind.NOT_FOUND),
    ALREADY_ISSUED("CERT-004", ErrorKind.CONFLICT),
    /** A decision covers products of one level only (province 3–4★ or ministry 5★). */
    MIXED_LEVELS("CERT-005", ErrorKind.INVALID),
    ALREADY_REVOKED("CERT-006", ErrorKind.CONFLICT),
    DECISION_NUMBER_TAKEN("CERT-007", ErrorKind.CONFLICT),
    /** Only a certificate in force can be suspended. */
    NOT_IN_FORCE("CERT-008", ErrorKind.CONFLICT),
    /** Only a suspended certificate can be reinstated. */
    NOT_SUSPENDED("CERT-009", ErrorKind.CONFLICT),
    /** A suspended certificate that expired meanwhile, or whose product has a newer certificate, stays suspended. */
    NOT_REINSTATABLE("CERT-010", ErrorKind.CONFLICT),
    /** A recognition decision is dated between the council's result and today. */
    DECISION_DATE_OUT_OF_RANGE("CERT-020", ErrorKind.INVALID);

    private final String code;
    private final ErrorKind kind;

    CertificationError(String code, ErrorKind kind) {
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
