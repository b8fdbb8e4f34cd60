package vn.ocop.reporting;

/** Where the money for a support activity came from. */
public enum FundingSource {
    /** Ngân sách trung ương. */
    CENTRAL_BUDGET,
    /** Ngân sách tỉnh. */
    PROVINCE_BUDGET,
    /** Ngân sách xã. */
    COMMUNE_BUDGET,
    /** Chủ thể đối ứng. */
    PRODUCERS,
    /** Tài trợ, xã hội hóa. */
    SPONSORS,
    /** Nguồn khác. */
    OTHER
}
