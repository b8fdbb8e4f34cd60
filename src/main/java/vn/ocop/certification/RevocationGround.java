package vn.ocop.certification;

/** Grounds for revoking a certificate (Decision 26/2026/QĐ-TTg, Art. 8.1, points a–e). */
public enum RevocationGround {
    /** a) Dishonest or forged information in the dossier. */
    FORGED_INFORMATION,
    /** b) The product no longer meets the criteria, per an inspection conclusion. */
    NO_LONGER_MEETS_CRITERIA,
    /** c) Violations of quality, food safety, environment, intellectual property, labelling or other law. */
    LEGAL_VIOLATION,
    /** d) Misuse of the OCOP mark. */
    MISUSE_OF_MARK,
    /** đ) The producer stopped producing. */
    STOPPED_PRODUCING,
    /** e) Another conclusion of a competent authority. */
    OTHER_CONCLUSION
}
