package vn.ocop.reporting;

/** Kinds of support given to producers (the OCOP programme's support lines). */
public enum SupportKind {
    /** Đào tạo, tập huấn. */
    TRAINING,
    /** Thiết kế bao bì, nhãn mác. */
    PACKAGING_LABEL,
    /** Tem truy xuất nguồn gốc. */
    TRACEABILITY_STAMPS,
    /** Kiểm nghiệm chất lượng. */
    QUALITY_TESTING,
    /** Hội chợ, triển lãm, xúc tiến thương mại. */
    TRADE_FAIR,
    /** Đưa sản phẩm lên sàn thương mại điện tử. */
    ECOMMERCE,
    /** Hỗ trợ kinh phí, vốn. */
    FUNDING,
    /** Khác. */
    OTHER
}
